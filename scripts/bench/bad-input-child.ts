// Runs in its own process for part "bad": warms the finders up, then times one scanDraft on the
// input it is sent (and findNumbers after it, for comparison). Its own process lets the parent
// stop it when a finder hangs, and report that, instead of hanging the whole benchmark.
import { forgetParasolAnswers, parasol, reference } from './finders';

export interface BadInputRequest {
  text: string;
  warmUp: string[];
}

export interface BadInputReply {
  finder: 'parasol' | 'reference';
  ms: number;
  findings: number;
  /** How many of each kind, e.g. { phone: 3 }. */
  kinds: Record<string, number>;
}

process.once('message', ({ text, warmUp }: BadInputRequest) => {
  for (let round = 0; round < 5; round++) for (const sample of warmUp) parasol(sample), reference(sample);
  for (const [finder, find] of [
    ['parasol', parasol],
    ['reference', reference],
  ] as const) {
    forgetParasolAnswers();
    const start = process.hrtime.bigint();
    const found = find(text);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const kinds: Record<string, number> = {};
    for (const f of found) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
    process.send!({ finder, ms, findings: found.length, kinds } satisfies BadInputReply);
  }
  process.disconnect();
});
