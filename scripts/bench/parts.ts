// The benchmark parts, by name, each loaded only in the process that runs it (run-part.ts).
import type { BenchPart } from './part';

export interface LazyPart {
  name: string;
  /** Loads the built Chrome extension (built once, by the runner, unless --no-build). */
  chrome?: true;
  load(): Promise<BenchPart>;
}

export const PARTS: LazyPart[] = [
  { name: 'text', load: async () => (await import('./text-accuracy')).textAccuracy },
  { name: 'speed', load: async () => (await import('./speed')).speed },
  { name: 'bad', load: async () => (await import('./bad-input')).badInput },
  { name: 'photo-metadata', load: async () => (await import('./photo-metadata')).photoMetadata },
  { name: 'clean', load: async () => (await import('./photo-clean')).photoClean },
  { name: 'vault', load: async () => (await import('./vault')).vaultUnlock },
  { name: 'identity', load: async () => (await import('./identity')).identityMatching },
  { name: 'warnlist', load: async () => (await import('./warnlist')).warnlistBench },
  { name: 'warnlist-page', load: async () => (await import('./warnlist-page')).warnlistPageBench },
  { name: 'browser', chrome: true, load: async () => (await import('./browser')).browserTyping },
  { name: 'faces', chrome: true, load: async () => (await import('./faces')).faceDetection },
  { name: 'warnlist-browser', chrome: true, load: async () => (await import('./warnlist-browser')).warnlistBrowserBench },
];
/**
 * Run only when asked by name (`--only warnlist-cli`): building a 100,000-row list costs one
 * Argon2id tag per handle, about ten minutes on two cores with native Argon2id.
 */
export const ON_REQUEST: LazyPart[] = [{ name: 'warnlist-cli', chrome: true, load: async () => (await import('./warnlist-cli')).warnlistCli }];

