// `npm run bench`: every benchmark part, each in a process of its own (run-part.ts), then one summary of the issues' targets.
//   npm run bench -- --only text|speed|bad|browser|photo-metadata|clean|faces|vault|identity|warnlist|warnlist-page|warnlist-browser   (a comma-separated list works too)
//   npm run bench -- --only warnlist-cli            (on request only: a 100,000-row list build, about ten minutes)
//   npm run bench -- --no-build                      (browser parts: reuse the existing Chrome build)
//   npm run bench -- --corpus DIR                    (another folder of corpus files)
// Exits 1 when a target fails, after printing everything.
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { execFileSync, fork } from 'node:child_process';
import { CHROME_BUILD, ROOT } from '../../tests/e2e/support/paths';
import { CORPUS_DIR } from './corpus';
import { BENCH_OUTPUT, writeOutput } from './part';
import { ON_REQUEST, PARTS, type LazyPart } from './parts';
import type { PartRequest } from './run-part';
import { heading, printChecks, type Check } from './table';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    corpus: { type: 'string', default: CORPUS_DIR },
    help: { type: 'boolean', default: false },
  },
});
const names = [...PARTS, ...ON_REQUEST].map((part) => part.name);
if (values.help) {
  console.log(`npm run bench -- [--only ${names.join('|')}[,...]] [--no-build] [--corpus DIR]`);
  process.exit(0);
}
const only = values.only?.split(',').map((name) => name.trim()) ?? PARTS.map((part) => part.name);
const unknown = only.filter((name) => !names.includes(name));
if (unknown.length) {
  console.error(`Unknown part: ${unknown.join(', ')}. Parts: ${names.join(', ')}.`);
  process.exit(2);
}

const started = Date.now();
// Timings from a machine busy with other work are slower and noisier: say how busy it was.
const load = () => `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
const loadAtStart = load();
console.log(`Parasol benchmarks: ${only.join(', ')}. Node ${process.version}, ${new Date().toISOString()}, ${loadAtStart}.`);
const selected = [...PARTS, ...ON_REQUEST].filter((part) => only.includes(part.name));
// The parts that load the Chrome extension share one build (not with --no-build).
if (selected.some((part) => part.chrome)) {
  if (values['no-build']) {
    console.log(`Chrome extension: ${CHROME_BUILD} (not built again)`);
  } else {
    const buildStarted = Date.now();
    execFileSync('npx', ['--no-install', 'wxt', 'build'], { cwd: ROOT, stdio: 'pipe' });
    console.log(`Built the Chrome extension in ${((Date.now() - buildStarted) / 1000).toFixed(1)} s: ${CHROME_BUILD}`);
  }
}

/** One part in a process of its own (run-part.ts); a part that stops or crashes gets one failed check. */
function runInChild(part: LazyPart): Promise<Check[]> {
  return new Promise((resolve) => {
    const child = fork(new URL('./run-part.ts', import.meta.url), { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let checks: Check[] | undefined;
    child.on('message', (message: Check[]) => (checks = message));
    child.on('exit', (code, signal) => {
      if (checks) return resolve(checks);
      // One broken part must not hide the others' figures.
      console.error(`\nThe ${part.name} part stopped (${signal ?? `exit ${code}`}); its error is above.`);
      resolve([{ part: part.name, name: `${part.name}: ran to the end`, got: 'stopped', target: 'ran', pass: false, note: signal ?? `exit ${code}` }]);
    });
    child.send({ name: part.name, corpus: values.corpus! } satisfies PartRequest);
  });
}

const checks: Check[] = [];
for (const part of selected) checks.push(...(await runInChild(part)));

heading('Summary: every target of this run');
printChecks(checks, 'reference');
const failed = checks.filter((check) => !check.pass).length;
const summary = writeOutput('summary.json', { date: new Date(started).toISOString(), parts: only, load: { start: loadAtStart, end: load() }, checks });
console.log(`\nMachine: ${loadAtStart} at the start, ${load()} at the end (1-minute averages; above the core count, timings are inflated).`);
console.log(`\nTargets met: ${checks.length - failed}; missed: ${failed}; in ${((Date.now() - started) / 1000).toFixed(0)} s. All figures: ${BENCH_OUTPUT} (${summary.split('/').pop()}).`);
process.exitCode = failed ? 1 : 0;
