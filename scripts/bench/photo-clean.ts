// Part "clean": milliseconds per MB to strip a photo's metadata, cleanPhoto beside ExifTool
// (`exiftool -all= -tagsfromfile @ -Orientation`, the usual command for the same job) on the same
// corpus files in the same run. ExifTool runs once over all files, so Perl's start-up is paid
// once, not per file; it is also printed on its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { cleanPhoto } from '../../src/core/image/clean-photo';
import { ROOT } from '../../tests/e2e/support/paths';
import { median, quantile } from './stats';
import { writeOutput, type BenchPart } from './part';
import { heading, ms, printChecks, printTable, type Check } from './table';

export const PHOTO_CORPUS = join(ROOT, '../shared/corpus/exif');
const REFERENCE_NAME = 'ExifTool';
const ROUNDS = 15;
const REFERENCE_ROUNDS = 3;
/** A 12-megapixel phone photo is about 4 MB: cleaning it must not be felt. */
const TARGET_MS_PER_MB = 20;

export const photoClean: BenchPart = {
  name: 'clean',
  title: 'Photos: cleaning time per MB',
  async run() {
    heading(this.title);
    const files = listFiles(PHOTO_CORPUS);
    const contents = files.map((file) => new Uint8Array(readFileSync(join(PHOTO_CORPUS, file))));
    const megabytes = contents.reduce((sum, bytes) => sum + bytes.length, 0) / 2 ** 20;
    console.log(`${files.length} files, ${megabytes.toFixed(1)} MB, from ${relative(ROOT, PHOTO_CORPUS)}.`);

    let cleaned = 0;
    const parasolRounds: number[] = [];
    for (let round = 0; round < ROUNDS + 2; round++) {
      const start = process.hrtime.bigint();
      for (const bytes of contents) if (cleanPhoto(bytes).ok) cleaned++;
      // The first two rounds warm the engine up.
      if (round >= 2) parasolRounds.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    cleaned /= ROUNDS + 2;

    const startup = median(Array.from({ length: 3 }, () => timed(() => execFileSync('exiftool', ['-ver']))));
    const referenceRounds: number[] = [];
    for (let round = 0; round < REFERENCE_ROUNDS; round++) {
      const out = mkdtempSync(join(tmpdir(), 'parasol-bench-exiftool-'));
      try {
        referenceRounds.push(timed(() => {
          try {
            execFileSync('exiftool', ['-q', '-q', '-m', '-all=', '-tagsfromfile', '@', '-Orientation', '-o', `${out}/%d%f.%e`, ...files], { cwd: PHOTO_CORPUS, stdio: 'ignore' });
          } catch {
            // ExifTool exits 1 when it could not write some file (broken ones); the others are written.
          }
        }));
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }

    const p = median(parasolRounds) / megabytes;
    const r = median(referenceRounds) / megabytes;
    const rNoStartup = (median(referenceRounds) - startup) / megabytes;
    printTable(
      ['cleaner', 'rounds', 'median ms / MB', 'p95 ms / MB', 'whole corpus'],
      [
        ['Parasol cleanPhoto', parasolRounds.length, ms(p), ms(quantile(parasolRounds, 0.95) / megabytes), ms(median(parasolRounds))],
        [`${REFERENCE_NAME} (one process)`, referenceRounds.length, ms(r), ms(quantile(referenceRounds, 0.95) / megabytes), ms(median(referenceRounds))],
        [`${REFERENCE_NAME} less its start-up`, referenceRounds.length, ms(rNoStartup), '', ms(median(referenceRounds) - startup)],
      ],
    );
    const ratio = p / r;
    console.log(`Parasol / ${REFERENCE_NAME}: ${ratio.toFixed(3)}x the time per MB (${(p / rNoStartup).toFixed(3)}x without ExifTool's ${ms(startup)} start-up). Cleaned losslessly: ${cleaned} of ${files.length} files.`);

    const checks: Check[] = [
      {
        part: 'clean',
        name: 'photo cleaning, median per MB',
        got: ms(p),
        target: `≤ ${TARGET_MS_PER_MB} ms`,
        pass: p <= TARGET_MS_PER_MB,
        reference: ms(r),
        note: `${ratio.toFixed(3)}x ${REFERENCE_NAME}`,
      },
    ];
    heading('Photo cleaning: acceptance (issue 4)');
    printChecks(checks, REFERENCE_NAME);
    writeOutput('photo-clean.json', { files: files.length, megabytes, rounds: ROUNDS, referenceRounds: REFERENCE_ROUNDS, parasolRounds, referenceRounds_ms: referenceRounds, exiftoolStartupMs: startup, msPerMb: { parasol: p, reference: r, referenceWithoutStartup: rNoStartup }, ratio, cleaned, checks });
    return checks;
  },
};

function listFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return walk(root).map((path) => relative(root, path)).filter((path) => !path.endsWith('.csv')).sort();
}

function timed(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
