// Runs one benchmark part in a process of its own and sends its checks to the runner (run.ts).
// Its own process, because what one part leaves behind skews the next one's timings: a large
// heap, or playwright-core loaded, made WebAssembly Argon2id 1.5 to 2x slower in the same process
// (a 16 MiB tag: 37–46 ms there against 20–24 ms in a fresh one, here).
import { loadCorpus } from './corpus';
import { ON_REQUEST, PARTS } from './parts';
import type { Check } from './table';

export interface PartRequest {
  name: string;
  corpus: string;
}

process.once('message', async ({ name, corpus }: PartRequest) => {
  const lazy = [...PARTS, ...ON_REQUEST].find((part) => part.name === name);
  if (!lazy) throw new Error(`No bench part "${name}"`);
  const part = await lazy.load();
  const checks: Check[] = await part.run({ corpus: loadCorpus(corpus) });
  process.send!(checks, () => process.disconnect());
});
