// Realistic ad text of a given size for the speed and bad-input parts: corpus drafts, positives
// and hard negatives mixed, in a seeded order so every run times the same text.
import { seededRandom, shuffled, type CorpusCase } from './corpus';

/**
 * Used only while the corpus has too few cases to make varied text (it is written alongside
 * this benchmark); made up, in the style of real ads.
 */
const SAMPLE_ADS = [
  'Hi loves, Rosa here 💋 sweet, curious and always on time. Incall in a quiet flat near the station, outcall to hotels. Text 555 123 4567, no calls, no private numbers.',
  'New in town for 3 days only! 36DD-24-36, 5\'7", 125 lbs, 26 yo. 150/hh 250/h 900 overnight. Deposit required for first meetings.',
  'Call or text me on five five five, 321, 9876 — ask for Mia. Screening: name, work email and one reference.',
  'Available Mon–Fri 10am–11pm, weekends by appointment. Ad #88213407, posted 12/03/2024. Reply here only, I never answer DMs elsewhere.',
  'Discreet, classy companion for dinners and travel. Rates: 300/h, 500/2h, 1200 for 12 hours. Tips appreciated, never expected.',
  'Whatsapp +44 7700 900123 (no photos, no voice notes). Based in Leeds, visiting Manchester on the 14th and 15th.',
  'Escríbeme al 55 1234 5678, sin llamadas. Tarifas: 1500 la hora, 2500 dos horas. Solo hoteles céntricos.',
  'Пишите в телеграм, звонки не принимаю. Час 5000, два часа 9000. Рост 170, вес 55, размер 3.',
  '新来的，甜美可爱，微信联系。价格：一小时800，两小时1500。只接酒店。',
  'Booking ID 4485-2210-9937-1102 confirmed. Please arrive 10 minutes early and text when parked: 555.987.6543.',
  'I\'m 5\'4", 110 lbs, size 4, shoe 7. Born 1994. Measurements 34B-25-35. Gift 200 for 30 min, 350 for the hour.',
  'Contact: rosa.velvet at mail dot com, or on IG @rosa.velvet.official. Cash App $RosaVelvet for deposits.',
];

export interface AdTextOptions {
  /** How many distinct texts. */
  count: number;
  /** Size of each in UTF-8 bytes (a text stops at the last whole draft that fits). */
  bytes: number;
  seed: number;
}

export function adTexts(cases: readonly CorpusCase[], { count, bytes, seed }: AdTextOptions): string[] {
  const drafts = cases.length >= 20 ? cases.map((c) => c.text) : SAMPLE_ADS;
  const random = seededRandom(seed);
  const texts: string[] = [];
  let pool: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    let size = 0;
    for (;;) {
      if (pool.length === 0) pool = shuffled(drafts, random);
      const next = pool.pop()!;
      const piece = text ? `\n\n${next}` : next;
      const pieceBytes = Buffer.byteLength(piece);
      if (size + pieceBytes > bytes) {
        // Fill the rest with the start of this draft so every text is close to `bytes`.
        text += cutToBytes(piece, bytes - size);
        break;
      }
      text += piece;
      size += pieceBytes;
    }
    texts.push(text);
  }
  return texts;
}

export function usingSampleAds(cases: readonly CorpusCase[]): boolean {
  return cases.length < 20;
}

/** The longest start of `text` that fits in `bytes` UTF-8 bytes, never splitting a character. */
function cutToBytes(text: string, bytes: number): string {
  let size = 0;
  let end = 0;
  for (const char of text) {
    const charBytes = Buffer.byteLength(char);
    if (size + charBytes > bytes) break;
    size += charBytes;
    end += char.length;
  }
  return text.slice(0, end);
}
