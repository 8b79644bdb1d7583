// Part "bad": drafts no one should write but someone will paste (1 MB of text, only emoji,
// right-to-left text, a wall of digits). Each must be scanned within 200 ms, and return.
import { fork } from 'node:child_process';
import { MAX_DRAFT_CHARS } from '../../src/core/text/scan-draft';
import { adTexts } from './ad-text';
import type { BadInputReply, BadInputRequest } from './bad-input-child';
import { seededRandom } from './corpus';
import { REFERENCE_NAME } from './finders';
import { writeOutput, type BenchPart } from './part';
import { heading, ms, printChecks, printTable, type Check } from './table';

const TARGET_MS = 200;
/** Past this a finder is taken to hang; the child process is stopped. */
const GIVE_UP_MS = 20_000;
const SEED = 7;
const KB = 1024;

const EMOJI = [
  '😀', '😘', '💋', '🔥', '❤️', '💕', '🌹', '🍑', '🍒', '💦', '✨', '👠', '👙', '💄', '🥂', '🍾', '📞', '📱', '☎️', '💯',
  '0️⃣', '1️⃣', '2️⃣', '3️⃣', '4️⃣', '5️⃣', '6️⃣', '7️⃣', '8️⃣', '9️⃣', '🔟', '#️⃣', '*️⃣',
  '👩🏽', '👋🏿', '🤙🏻', '👩‍❤️‍👩', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🏳️‍⚧️', '🇺🇸', '🇲🇽', '🇷🇺', '🇨🇳', '🇬🇧', '🇮🇳',
];
const RTL_WORDS = [
  'مرحبا', 'أنا', 'متاحة', 'اليوم', 'من', 'الساعة', 'حتى', 'للحجز', 'اتصل', 'على', 'الرقم', 'السعر', 'ساعة', 'ريال', 'درهم',
  'שלום', 'אני', 'זמינה', 'היום', 'משעה', 'עד', 'להזמנות', 'התקשרו', 'למספר', 'מחיר', 'לשעה', 'שקל', 'דיסקרטי',
  '٠٥٥', '١٢٣', '٤٥٦٧', '۰۹۱۲', '۳۴۵۶', '050', '1234567', '٢٠٠', '350', '٣٠٠/س', '24/7', '\u200f', '\u200e', '،', '.', '!',
];

interface BadInput {
  name: string;
  text: string;
}

export const badInput: BenchPart = {
  name: 'bad',
  title: 'Text finders: bad input',
  async run({ corpus }) {
    heading(this.title);
    const inputs = badInputs(corpus.cases);
    const warmUp = adTexts(corpus.cases, { count: 5, bytes: 10 * KB, seed: SEED }).concat(inputs.map((input) => input.text.slice(0, KB)));
    console.log(`Each input is scanned once in a fresh process after ${5 * warmUp.length} warm-up scans of 10 KB ad texts and 1 KB slices of the inputs.`);

    const rows: (string | number | null)[][] = [];
    const checks: Check[] = [];
    const figures: Record<string, unknown> = {};
    for (const input of inputs) {
      const result = await scanInChild({ text: input.text, warmUp });
      const p = result.parasol;
      const r = result.reference;
      figures[input.name] = { bytes: Buffer.byteLength(input.text), chars: input.text.length, ...result };
      rows.push([
        input.name,
        `${(Buffer.byteLength(input.text) / KB).toFixed(0)} KB`,
        p ? ms(p.ms) : null,
        p ? p.findings : null,
        p ? kindList(p.kinds) : null,
        r ? ms(r.ms) : null,
        r ? r.findings : null,
      ]);
      checks.push({
        part: 'bad',
        name: `${input.name}: one scanDraft`,
        got: p ? ms(p.ms) : result.problem ?? 'no answer',
        target: `≤ ${TARGET_MS} ms`,
        pass: Boolean(p && p.ms <= TARGET_MS),
        reference: r ? ms(r.ms) : undefined,
        note: p ? `returned ${p.findings} findings` : result.problem,
      });
    }
    printTable(['input', 'size', 'Parasol', 'findings', 'kinds', REFERENCE_NAME, 'findings'], rows);
    console.log(`scanDraft reads the first ${MAX_DRAFT_CHARS} characters of a draft and leaves the rest; ${REFERENCE_NAME} reads it all.`);
    heading('Bad input: acceptance (issue 3)');
    printChecks(checks);
    writeOutput('bad-input.json', { targetMs: TARGET_MS, inputs: figures, checks });
    return checks;
  },
};

export function badInputs(cases: Parameters<typeof adTexts>[0]): BadInput[] {
  const random = seededRandom(SEED);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const fill = (bytes: number, next: () => string) => {
    let text = '';
    while (Buffer.byteLength(text) < bytes) {
      let chunk = '';
      for (let i = 0; i < 256; i++) chunk += next();
      text += chunk;
    }
    return text;
  };
  return [
    { name: '1 MB of ad text', text: adTexts(cases, { count: 1, bytes: 1024 * KB, seed: SEED })[0]! },
    { name: 'only emoji', text: fill(100 * KB, () => pick(EMOJI)) },
    { name: 'Arabic and Hebrew with digits', text: fill(100 * KB, () => pick(RTL_WORDS) + (random() < 0.1 ? '\n' : ' ')) },
    { name: '10 000 digits in a row', text: Array.from({ length: 10_000 }, () => String(Math.floor(random() * 10))).join('') },
  ];
}

interface ChildResult {
  parasol?: BadInputReply;
  reference?: BadInputReply;
  problem?: string;
}

/** Scans in a child process, so a hang or crash is reported rather than taking the bench down. */
function scanInChild(request: BadInputRequest): Promise<ChildResult> {
  return new Promise((resolve) => {
    const result: ChildResult = {};
    const child = fork(new URL('./bad-input-child.ts', import.meta.url), { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      result.problem ??= `no answer in ${GIVE_UP_MS / 1000} s: stopped`;
      child.kill();
    }, GIVE_UP_MS);
    child.on('message', (reply: BadInputReply) => {
      result[reply.finder] = reply;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!result.parasol) result.problem ??= `crashed (${signal ?? `exit ${code}`}): ${lastLine(stderr)}`;
      resolve(result);
    });
    child.send(request);
  });
}

function kindList(kinds: Record<string, number>): string {
  return Object.entries(kinds).map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none';
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter((line) => /error/i.test(line)).pop() ?? (text.trim().split('\n').pop() ?? '');
}
