// Native Argon2id for the command line, when the optional npm package `argon2` loaded: about
// 11 ms for a 16 MiB tag here against 24 ms for the WebAssembly in src/core/argon2id.ts, and its
// async calls run on libuv's thread pool, so several are computed at once without worker threads.
// Optional because it is a compiled addon: where no prebuilt binary fits and nothing can compile
// it, npm leaves it out and the CLI uses WebAssembly on worker threads (the same bytes, tested).
// CLI only: the extension never imports this file.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { DETAIL_KEY_BYTES, TAG_BYTES, type TagParams } from '../core/warnlist/tags';

/** Argon2id of a handle with a list's parameters: 48 bytes, tag then detail key (as argonTagger). */
export type NativeArgon2 = (handle: string, params: TagParams) => Promise<Uint8Array>;

/** The part of the `argon2` package used here (its own types are absent where it did not install). */
interface Argon2Module {
  argon2id: number;
  hash(
    password: Buffer,
    options: { type: number; raw: true; salt: Buffer; memoryCost: number; timeCost: number; parallelism: number; hashLength: number },
  ): Promise<Buffer>;
}

/** A name in a variable, so neither tsc nor a bundler insists on a package that may be absent. */
const PACKAGE = 'argon2';

/** Where the package is, or undefined where npm left it out. */
export function nativeArgon2Path(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    return undefined;
  }
}

/**
 * Whether the addon loads, tried in a child process first: a binary that does not fit the machine
 * can crash the process that loads it (the package's prebuilt Linux binary does, here, when its
 * install script did not compile one), and that must not be the CLI. About 50 ms, once per build.
 */
function loadsInChild(path: string): boolean {
  const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path)})`], { stdio: 'ignore', timeout: 20_000 });
  return probe.status === 0;
}

/** The native hash, or undefined where the package or a working binary for this machine is missing. */
export async function loadNativeArgon2(path = nativeArgon2Path()): Promise<NativeArgon2 | undefined> {
  if (!path || !loadsInChild(path)) return undefined;
  let argon2: Argon2Module;
  try {
    const loaded = (await import(path)) as Partial<Argon2Module> & { default?: Argon2Module };
    argon2 = loaded.default ?? (loaded as Argon2Module);
    if (typeof argon2.hash !== 'function' || typeof argon2.argon2id !== 'number') return undefined;
  } catch {
    return undefined;
  }
  return async (handle, params) => {
    const out = await argon2.hash(Buffer.from(handle, 'utf8'), {
      type: argon2.argon2id,
      raw: true,
      salt: Buffer.from(params.salt, 'base64'),
      memoryCost: params.memoryKiB,
      timeCost: params.iterations,
      parallelism: params.parallelism,
      hashLength: TAG_BYTES + DETAIL_KEY_BYTES,
    });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  };
}
