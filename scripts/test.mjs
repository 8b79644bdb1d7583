// `npm test`: typecheck, unit tests, the builds, web-ext lint, and the end-to-end tests in
// Chromium and Firefox ESR; then one summary with the counts of each. Every step runs even when
// an earlier one failed (except end-to-end tests without a build), so one run shows everything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const OUTPUT = process.env.PARASOL_OUTPUT ?? '.output';
const RESULTS = `${OUTPUT}/test-results`;
mkdirSync(RESULTS, { recursive: true });
const rows = [];
let failed = false;

function run(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '1' } });
  const ok = result.status === 0;
  if (!ok) failed = true;
  return ok;
}

function npx(title, ...args) {
  return run(title, 'npx', ['--no-install', ...args]);
}

/** Counts passed and failed tests from a Vitest JSON report, grouped by `groupOf(file)`. */
function countTests(report, groupOf) {
  if (!existsSync(report)) return null;
  const { testResults } = JSON.parse(readFileSync(report, 'utf8'));
  const groups = new Map();
  for (const file of testResults) {
    const group = groupOf(file.name);
    const counts = groups.get(group) ?? { passed: 0, failed: 0 };
    for (const test of file.assertionResults) {
      if (test.status === 'passed') counts.passed++;
      else if (test.status === 'failed') counts.failed++;
    }
    // A file that failed to load has no test results but must still count as a failure.
    if (file.status === 'failed' && file.assertionResults.length === 0) counts.failed++;
    groups.set(group, counts);
  }
  return groups;
}

/** A step that is one check of its own (typecheck, lint): one pass or one failure. */
function addStep(name, ok) {
  rows.push([name, { passed: ok ? 1 : 0, failed: ok ? 0 : 1 }]);
}

function addRows(groups, fallback) {
  if (!groups) addStep(fallback, false);
  else for (const [name, counts] of groups) rows.push([name, counts]);
}

addStep('typecheck', npx('typecheck', 'tsc', '--noEmit'));

npx('unit tests', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/unit.json`);
addRows(countTests(`${RESULTS}/unit.json`, () => 'unit'), 'unit');

const built =
  npx('build for Chrome', 'wxt', 'build') &&
  npx('build for Firefox', 'wxt', 'build', '-b', 'firefox') &&
  npx('build for Firefox, with test hooks', 'wxt', 'build', '-b', 'firefox', '--mode', 'e2e');

if (built) {
  addStep('web-ext lint', npx('web-ext lint (Firefox build)', 'web-ext', 'lint', '--source-dir', `${OUTPUT}/firefox-mv3`));
  npx('end-to-end tests', 'vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/e2e.json`);
  addRows(
    countTests(`${RESULTS}/e2e.json`, (file) =>
      file.includes('chromium') ? 'e2e chromium' : file.includes('firefox') ? 'e2e firefox' : 'e2e builds',
    ),
    'e2e',
  );
} else {
  addStep('e2e (not run: the build failed)', false);
}

console.log('\n=== summary');
let passed = 0;
let failures = 0;
for (const [name, counts] of rows) {
  console.log(`${name.padEnd(16)} ${counts.passed} passed, ${counts.failed} failed`);
  passed += counts.passed;
  failures += counts.failed;
}
if (failures > 0) failed = true;
console.log(`total: ${passed} passed, ${failures} failed`);
process.exit(failed ? 1 : 0);
