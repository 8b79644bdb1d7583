// `npm run bench`: every benchmark part in one run, then one summary of the targets.
//   npm run bench -- --only text|speed|bad|browser|photo-metadata|clean|faces|vault|identity|warnlist|warnlist-page|warnlist-browser   (a comma-separated list works too)
//   npm run bench -- --only warnlist-cli            (on request only: a 100,000-row list build, about ten minutes)
//   npm run bench -- --no-build                      (browser part: reuse the existing Chrome build)
//   npm run bench -- --corpus DIR                    (another folder of corpus files)
// Exits 1 when a target fails, after printing everything.
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { CORPUS_DIR, loadCorpus } from './corpus';
import { BENCH_OUTPUT, writeOutput, type BenchPart } from './part';
import { heading, printChecks, type Check } from './table';

interface LazyPart {
  name: string;
  load(): Promise<BenchPart>;
}

/**
 * Each part's module is loaded when it runs, and the parts that drive a browser run last: once
 * playwright-core is loaded into this process, WebAssembly Argon2id runs about 2x slower in it
 * (46 against 24 ms per tag here), which would skew every Node-timed part after it.
 */
const PARTS: LazyPart[] = [
  { name: 'text', load: async () => (await import('./text-accuracy')).textAccuracy },
  { name: 'speed', load: async () => (await import('./speed')).speed },
  { name: 'bad', load: async () => (await import('./bad-input')).badInput },
  { name: 'photo-metadata', load: async () => (await import('./photo-metadata')).photoMetadata },
  { name: 'clean', load: async () => (await import('./photo-clean')).photoClean },
  { name: 'vault', load: async () => (await import('./vault')).vaultUnlock },
  { name: 'identity', load: async () => (await import('./identity')).identityMatching },
  { name: 'warnlist', load: async () => (await import('./warnlist')).warnlistBench },
  { name: 'warnlist-page', load: async () => (await import('./warnlist-page')).warnlistPageBench },
  // Browsers from here on.
  { name: 'browser', load: async () => (await import('./browser')).browserTyping },
  { name: 'faces', load: async () => (await import('./faces')).faceDetection },
  { name: 'warnlist-browser', load: async () => (await import('./warnlist-browser')).warnlistBrowserBench },
];
/**
 * Run only when asked by name (`--only warnlist-cli`): building a 100,000-row list costs one
 * Argon2id tag per handle, about ten minutes on two cores with native Argon2id.
 */
const ON_REQUEST: LazyPart[] = [{ name: 'warnlist-cli', load: async () => (await import('./warnlist-cli')).warnlistCli }];

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
const context = { corpus: loadCorpus(values.corpus), build: !values['no-build'] };
// Timings from a machine busy with other work are slower and noisier: say how busy it was.
const load = () => `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
const loadAtStart = load();
console.log(`Parasol benchmarks: ${only.join(', ')}. Node ${process.version}, ${new Date().toISOString()}, ${loadAtStart}.`);
const checks: Check[] = [];
for (const lazy of [...PARTS, ...ON_REQUEST].filter((p) => only.includes(p.name))) {
  const part = { name: lazy.name };
  try {
    const loaded = await lazy.load();
    if (loaded.name !== lazy.name) throw new Error(`run.ts calls part ${loaded.name} "${lazy.name}"`);
    checks.push(...(await loaded.run(context)));
  } catch (error) {
    // One broken part must not hide the others' figures.
    console.error(`\nThe ${part.name} part stopped: ${(error as Error)?.stack ?? error}`);
    checks.push({ part: part.name, name: `${part.name}: ran to the end`, got: 'stopped', target: 'ran', pass: false, note: String((error as Error)?.message ?? error).split('\n')[0] });
  }
}

heading('Summary: every target of this run');
printChecks(checks, 'reference');
const failed = checks.filter((check) => !check.pass).length;
const summary = writeOutput('summary.json', { date: new Date(started).toISOString(), parts: only, load: { start: loadAtStart, end: load() }, checks });
console.log(`\nMachine: ${loadAtStart} at the start, ${load()} at the end (1-minute averages; above the core count, timings are inflated).`);
console.log(`\nTargets met: ${checks.length - failed}; missed: ${failed}; in ${((Date.now() - started) / 1000).toFixed(0)} s. All figures: ${BENCH_OUTPUT} (${summary.split('/').pop()}).`);
process.exitCode = failed ? 1 : 0;
