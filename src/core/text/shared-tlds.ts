/**
 * Top-level domains an email or link is likely to end in. A spelled-out address ("jane at mail
 * dot com") must end in one of these, which keeps prose like "meet at the hotel dot" quiet.
 */
export const KNOWN_TLDS = new Set(
  `com net org info biz edu gov mil int io co me app dev xyz online site club live life email one pro name ai
  tv cc ws mobi asia tel top vip world fun store shop blog page link space website tech cloud network
  social chat love sexy ink art design studio media agency today global group center company family
  uk us ca au nz de fr es it nl be ch at se no dk fi pl cz ru ua by kz cn hk tw jp kr sg my th vn ph id in pk
  br ar mx cl pe ve ec uy bo py cr gt pa do pr cu za ng ke gh eg ma ie pt gr tr il ae sa qa ro hu bg rs hr sk si
  lt lv ee is lu li mt cy ly to gg fm su рф`
    .split(/\s+/)
    .filter(Boolean),
);

/** File name endings that look like a domain after an "@" ("icon@2x.png") but are not one. */
export const FILE_EXTENSIONS = new Set(
  'png jpg jpeg gif webp svg bmp tif tiff heic pdf doc docx txt js ts css html htm json mp4 mov avi zip'.split(' '),
);

/** Mail providers people name without their domain ("jane at gmail"), with the domain they mean. */
export const MAIL_PROVIDERS: Record<string, string> = {
  gmail: 'gmail.com',
  googlemail: 'googlemail.com',
  hotmail: 'hotmail.com',
  outlook: 'outlook.com',
  yahoo: 'yahoo.com',
  ymail: 'ymail.com',
  icloud: 'icloud.com',
  aol: 'aol.com',
  protonmail: 'protonmail.com',
  proton: 'proton.me',
  tutanota: 'tutanota.com',
  yandex: 'yandex.ru',
  gmx: 'gmx.com',
  qq: 'qq.com',
};
