/**
 * Ordinary words that follow an app's name in prose ("insta only", "venmo accepted", "snap me")
 * and so are not a username. A name written with @, a digit, a dot or an underscore is never
 * taken for one of these.
 */
const COMMON_WORDS = new Set(
  `a about above accepted account add after again all also always am an and any anyone anytime app apps are
  as ask at available away back be because been before below best but by call can cant card cash check chat
  come contact could dm dms do does dont down each else email for free friendly from fun get give go good
  great handle has have he her here hey hi him his hit how i id if im in info instead inbox is it its just
  keep last let link like lol me message messages more most msg must my name need new no non not now of off
  ok okay on once one only or other our out over page pay payment payments pics pictures please pls plz
  preferred private profile reach real reply request required right same see send she should so some
  someone story stories sure tag text than thank thanks that the their them then there these they this
  those through tip tips to today too two under up upon us use username verified very via video videos
  want was we well were what when where which while who why will with without would yes yet you your yours
  only-fans deposit deposits first later soon after asap daily weekly everyday channel channels group groups
  bot premium vip content bio below pm sub subs subscribe subscribers follow followers following post posts
  down up live story link links dm
  el la los las un una y o de del en con para por que mi mis tu tus su sus es solo también tambien aqui aquí
  escribe escribeme escríbeme agrega agregame agrégame sígueme sigueme pago pagos
  и или в на с по для не мой моя мое моё мои твой тут здесь пиши пишите только есть тоже
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** True when `word` reads as prose rather than a chosen name. */
export function isCommonWord(word: string): boolean {
  return COMMON_WORDS.has(word.toLowerCase());
}

/** True for a name someone plausibly chose: not a bare common word, not only digits or punctuation. */
export function looksLikeUsername(name: string, hadSigil: boolean): boolean {
  if (!/[\p{L}\p{N}]/u.test(name)) return false;
  if (hadSigil) return true;
  if (/[\d._]/.test(name) && /\p{L}/u.test(name)) return true;
  return !isCommonWord(name);
}
