// Part "vault": time to unlock the vault with its default Argon2id parameters (median of 5), and
// the process memory it takes, beside PBKDF2-SHA256 with 600,000 iterations (OWASP's figure for
// PBKDF2, through Node's native crypto) deriving a key of the same length from the same passphrase.
import { pbkdf2Sync } from 'node:crypto';
import { DEFAULT_KDF_COST, createVault, sealRecord, unlockVault, wipeKey } from '../../src/core/vault';
import { writeOutput, type BenchPart } from './part';
import { quantile } from './stats';
import { heading, ms, printChecks, printTable, type Check } from './table';

const REFERENCE_NAME = 'PBKDF2-SHA256 600k';
const PBKDF2_ITERATIONS = 600_000;
const ROUNDS = 5;
/** Issue 5: unlocking takes at most 2 s on this machine. */
const TARGET_UNLOCK_MS = 2000;
const PASSPHRASE = 'a long enough bench passphrase';

export const vaultUnlock: BenchPart = {
  name: 'vault',
  title: 'Vault: unlock time and memory (Argon2id)',
  async run() {
    heading(this.title);
    const { memoryKiB, iterations, parallelism } = DEFAULT_KDF_COST;
    console.log(`Argon2id ${memoryKiB / 1024} MiB, ${iterations} passes, parallelism ${parallelism} (openpgpjs/argon2id, WebAssembly SIMD); reference ${REFERENCE_NAME} (node:crypto).`);

    const before = process.memoryUsage();
    const created = await createVault(PASSPHRASE);
    const vault = sealRecord(created.vault, created.key, 'personal', 'bench record');
    wipeKey(created.key);

    const unlockRounds: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = process.hrtime.bigint();
      const unlocked = await unlockVault(vault, PASSPHRASE);
      unlockRounds.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (!unlocked.ok) throw new Error(`vault bench: unlock failed (${unlocked.error})`);
      wipeKey(unlocked.key);
    }
    const after = process.memoryUsage();
    const peakRss = process.resourceUsage().maxRSS;
    const rssGrowth = (after.rss - before.rss) / 2 ** 20;
    const arrayBuffersGrowth = (after.arrayBuffers - before.arrayBuffers) / 2 ** 20;

    const salt = new Uint8Array(16);
    const referenceRounds: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = process.hrtime.bigint();
      pbkdf2Sync(PASSPHRASE, salt, PBKDF2_ITERATIONS, 32, 'sha256').fill(0);
      referenceRounds.push(Number(process.hrtime.bigint() - start) / 1e6);
    }

    const p = quantile(unlockRounds, 0.5);
    const r = quantile(referenceRounds, 0.5);
    printTable(
      ['key derivation', 'rounds', 'median', 'max', 'memory'],
      [
        ['Parasol unlockVault (Argon2id)', ROUNDS, ms(p), ms(Math.max(...unlockRounds)), `${memoryKiB / 1024} MiB by design`],
        [REFERENCE_NAME, ROUNDS, ms(r), ms(Math.max(...referenceRounds)), 'a few hundred bytes'],
      ],
    );
    const ratio = p / r;
    console.log(`Parasol / ${REFERENCE_NAME}: ${ratio.toFixed(3)}x the time per unlock.`);
    console.log(`Process memory growth over create + ${ROUNDS} unlocks: RSS ${rssGrowth.toFixed(1)} MiB, ArrayBuffers ${arrayBuffersGrowth.toFixed(1)} MiB (RSS now ${(after.rss / 2 ** 20).toFixed(0)} MiB, process peak ${(peakRss / 1024).toFixed(0)} MiB). Argon2's memory is WebAssembly memory, counted in RSS, not in ArrayBuffers.`);

    const checks: Check[] = [
      {
        part: 'vault',
        name: 'vault unlock, median',
        got: ms(p),
        target: `≤ ${TARGET_UNLOCK_MS} ms`,
        pass: p <= TARGET_UNLOCK_MS,
        reference: ms(r),
        note: `${ratio.toFixed(3)}x ${REFERENCE_NAME}; RSS +${rssGrowth.toFixed(1)} MiB`,
      },
    ];
    heading('Vault: acceptance (issue 5)');
    printChecks(checks, REFERENCE_NAME);
    writeOutput('vault.json', { kdf: DEFAULT_KDF_COST, rounds: ROUNDS, unlockRounds, referenceRounds, pbkdf2Iterations: PBKDF2_ITERATIONS, medianMs: { parasol: p, reference: r }, ratio, memoryMiB: { rssGrowth, arrayBuffersGrowth, rssAfter: after.rss / 2 ** 20, peakRss: peakRss / 1024 }, checks });
    return checks;
  },
};
