import { CAPITAL_SUFFIXES, LANDMARKS, PLAIN_SUFFIXES } from './shared-address-words';
import { anchorHits, wordsBefore, wordStartsIn } from './shared-anchors';
import { scan, scanAt, type Candidate } from './shared-findings';

/**
 * Sentences that place a person's home or work next to something findable: "I live above the
 * bakery on Elm Street", "my flat is behind the Tesco on High Road", "next to the Shell station
 * on Main". An area named for incalls ("near downtown") is what ads are for, and is left alone.
 */

const HS = String.raw`[ \t]`;
const CAP = String.raw`\p{Lu}[\p{L}'’\-]*`;
const APOSTROPHE = `['’]`;

const HOME_PLACES = "flat|apartment|apt|house|home|place|building|room|condo|studio|parents|parents'|parents’|mom's|mum's|mom’s|mum’s|family";
const WORK_PLACES = 'work|job|office|workplace|shop|salon|school|college|uni|university|gym';
/** Who the sentence is about: "I live", "my flat is", "where I work". */
const TRIGGER = String.raw`(?:I${HS}{1,2}(live|stay|rent|work)|I${APOSTROPHE}m${HS}{1,2}(living|staying|based|located|working)|(?:[Mm]y|[Oo]ur)${HS}{1,2}(${HOME_PLACES}|${WORK_PLACES})(?:${HS}{1,2}(?:is|are)|${APOSTROPHE}s)?|[Ww]here${HS}{1,2}I${HS}{1,2}(live|work|stay))`;

/** Where exactly, from most to least telling. */
const DOORS = String.raw`(?:\d{1,2}|one|two|three|four|five|a${HS}{1,2}few|few|a${HS}{1,2}couple${HS}{1,2}of)${HS}{1,2}(?:doors|blocks|houses|buildings)${HS}{1,2}(?:(?:down|up|away)${HS}{1,2})?from`;
const PRECISE = String.raw`(?:right${HS}{1,2})?(?:${DOORS}|above|below|under|underneath|behind|next${HS}{1,2}(?:door${HS}{1,2})?to|beside|opposite|across${HS}{1,2}(?:the${HS}{1,2}(?:street|road)${HS}{1,2})?from|over|on${HS}{1,2}top${HS}{1,2}of|a?round${HS}{1,2}the${HS}{1,2}corner${HS}{1,2}from|at${HS}{1,2}the${HS}{1,2}corner${HS}{1,2}of|down${HS}{1,2}the${HS}{1,2}(?:street|road)${HS}{1,2}from|upstairs${HS}{1,2}from)`;
const LOOSE = 'near|by|on|at|off';

const SUFFIX = `${PLAIN_SUFFIXES}|${CAPITAL_SUFFIXES}`;
const ORDINAL = String.raw`\d{1,3}(?:st|nd|rd|th)`;
/** "Route 9", "Hwy 101", "I-95". */
const ROUTE = String.raw`(?:(?:Route|Rte|Highway|Hwy|Interstate|State${HS}Route|County${HS}Road|SR|US)${HS}{1,2}\d{1,4}[A-Z]?|I-\d{1,3})(?![\p{L}\p{N}])`;
const ONE_STREET = String.raw`(?:${ROUTE}|(?:${CAP}${HS}{1,2}){0,2}(?:${CAP}|${ORDINAL})(?:${HS}{1,2}(?:${SUFFIX}))?\.?)`;
/** A street, or a crossing of two: "Elm Street", "Main", "Maple and 3rd". */
const STREET = String.raw`${ONE_STREET}(?:${HS}{1,2}(?:and|&)${HS}{1,2}${ONE_STREET})?`;
const NAMED_STREET = String.raw`(?:${CAP}${HS}{1,2}){0,2}(?:${CAP}|${ORDINAL})${HS}{1,2}(?:${SUFFIX})\.?`;
const ARTICLE = String.raw`(?:(?:the|a|an)${HS}{1,2})`;
/** "the old bakery", "the Shell station", "Starbucks". */
const LANDMARK = String.raw`${ARTICLE}?(?:(?:${CAP}|[\p{Ll}'’]+)${HS}{1,2}){0,2}?(?:${LANDMARKS})(?![\p{L}])`;
const PROPER = String.raw`${ARTICLE}?${CAP}(?:${HS}{1,2}${CAP}){0,2}`;
const ON_STREET = String.raw`(?:${HS}{1,2}(?:on|in|off|at)${HS}{1,2}${STREET})?`;

const PERSONAL = new RegExp(
  String.raw`(?<![\p{L}])${TRIGGER}([^.!?\n]{0,40}?)(?<![\p{L}])(${PRECISE}|${LOOSE})${HS}{1,2}(?:(${LANDMARK}${ON_STREET})|(${NAMED_STREET})|(${PROPER}${ON_STREET}))`,
  'uy',
);

/** No "I" or "my", but a landmark on a named street: "next to the Shell station on Main". */
const LANDMARK_ON_STREET = new RegExp(
  String.raw`(?<![\p{L}])(?:${PRECISE}|near)${HS}{1,2}${ARTICLE}(?:(?:${CAP}|[\p{Ll}'’]+)${HS}{1,2}){0,2}?(?:${LANDMARKS}|${CAP})${HS}{1,2}on${HS}{1,2}${STREET}`,
  'uy',
);

/** "the corner of 5th and Pine": a crossing pins a door down to four corners. */
const CROSSING = new RegExp(
  String.raw`(?<![\p{L}])(?:[Cc]orner|[Ii]ntersection|[Ee]squina)${HS}{1,2}(?:of|de)${HS}{1,2}(?:the${HS}{1,2})?${ONE_STREET}${HS}{1,2}(?:and|&|y|with)${HS}{1,2}${ONE_STREET}`,
  'uy',
);

const SPANISH = new RegExp(
  String.raw`(?<![\p{L}])(?:[Vv]ivo|[Tt]rabajo|[Mm]i${HS}{1,2}(?:casa|piso|departamento|depa|apartamento|trabajo|oficina|edificio)(?:${HS}{1,2}está)?)${HS}{1,2}(?:justo${HS}{1,2})?(?:encima|arriba|debajo|al${HS}lado|junto|enfrente|frente|detrás|atrás|cerca|a${HS}la${HS}vuelta|en${HS}la${HS}esquina)${HS}{1,2}(?:de|del|a|al)${HS}{1,2}[^\s.,!?;]+(?:${HS}[^\s.,!?;]+){0,3}`,
  'uy',
);

const RUSSIAN = new RegExp(
  String.raw`(?<![\p{L}])(?:[Яя]${HS}{1,2})?(?:живу|работаю|[Мм]оя${HS}{1,2}квартира|[Мм]ой${HS}{1,2}дом)${HS}{1,2}(?:прямо${HS}{1,2})?(?:над|под|рядом${HS}{1,2}с|напротив|возле|около)${HS}{1,2}[^\s.,!?;]+(?:${HS}[^\s.,!?;]+){0,3}`,
  'uy',
);

/** Where each pattern above can start (without the u flag, so they run fast). */
const PERSONAL_ANCHOR = /I[ \t'’]|[Mm]y[ \t]|[Oo]ur[ \t]|[Ww]here[ \t]/g;
const CROSSING_ANCHOR = /[Cc]orner|[Ii]ntersection|[Ee]squina/g;
const SPANISH_ANCHOR = /[Vv]ivo|[Tt]rabajo|[Mm]i[ \t]/g;
const RUSSIAN_ANCHOR = /[Яя][ \t]|живу|работаю|[Мм]о[яй]/g;
/**
 * A word every PRECISE or "near" has: LANDMARK_ON_STREET starts at it, or just before it ("a"
 * of "around"), or up to four words before ("right a couple of houses down from").
 */
const LANDMARK_ANCHOR =
  /above|below|under|behind|next|beside|opposite|across|over|on[ \t]{1,2}top|round|at[ \t]{1,2}the|down[ \t]{1,2}the|upstairs|doors|blocks|houses|buildings|near/g;

function landmarkStarts(text: string): number[] | null {
  const starts: number[] = [];
  const words = anchorHits(LANDMARK_ANCHOR, text);
  if (words === null) return null;
  for (const word of words) {
    starts.push(word, word - 1);
    for (const [start, end] of wordsBefore(text, word, 4, 2)) wordStartsIn(text, start, end, starts);
  }
  return starts.filter((start) => start >= 0);
}

const CHINESE = /我(?:家|住|住在|上班|工作|的公寓|的房子)[^。！？\n]{0,20}?(?:楼上|楼下|旁边|对面|后面|隔壁|附近)/gu;

const WORK_VERBS = new Set(['work', 'working']);
const ONLY_LOOSE = new RegExp(`^(?:${LOOSE})$`);
const ONLY_WORK_PLACE = new RegExp(`^(?:${WORK_PLACES})$`);

function personal(text: string): Candidate[] {
  return scanAt(PERSONAL, text, anchorHits(PERSONAL_ANCHOR, text), (m) => {
    const [, verb, verbIng, place, whereVerb, , spatial, landmark, street, proper] = m as unknown as Array<string | undefined>;
    const precise = !ONLY_LOOSE.test(spatial!);
    const aboutWork = [verb, verbIng, whereVerb].some((word) => word && WORK_VERBS.has(word)) || (place !== undefined && ONLY_WORK_PLACE.test(place));
    if (proper !== undefined) {
      // "near London" names a city; "above the Tesco" or "I work at Starbucks" names a door.
      const onStreet = /\s(?:on|in|off|at)\s/.test(proper);
      if (!precise && !onStreet && !(aboutWork && spatial === 'at')) return null;
    }
    if (landmark === undefined && street === undefined && proper === undefined) return null;
    return [{ start: m.index, end: m.index + m[0].length, normalized: '' }];
  });
}

function simple(pattern: RegExp, text: string, starts?: number[] | null): Candidate[] {
  const accept = (m: RegExpExecArray) => [{ start: m.index, end: m.index + m[0].length, normalized: '' }];
  return starts === undefined ? scan(pattern, text, accept) : scanAt(pattern, text, starts, accept);
}

/** Location hints as candidates (normalized filled in by the caller). */
export function hintCandidates(text: string): Candidate[] {
  return [
    ...personal(text),
    ...simple(LANDMARK_ON_STREET, text, landmarkStarts(text)),
    ...simple(CROSSING, text, anchorHits(CROSSING_ANCHOR, text)),
    ...simple(SPANISH, text, anchorHits(SPANISH_ANCHOR, text)),
    ...simple(RUSSIAN, text, anchorHits(RUSSIAN_ANCHOR, text)),
    ...simple(CHINESE, text),
  ].map((candidate) => ({
    ...candidate,
    normalized: text.slice(candidate.start, candidate.end).replace(/\s+/g, ' ').trim().toLowerCase(),
  }));
}
