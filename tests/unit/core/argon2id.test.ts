// Parasol's Argon2id (openpgpjs/argon2id, inlined) against hash-wasm's, a second implementation
// of RFC 9106: lists built before the switch keep opening, and vaults keep unlocking.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { argon2id as reference } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { argon2id, workingMemoryForTests } from '../../../src/core/argon2id';
import { ARGON2ID_VERSION, PLAIN_WASM, SIMD_WASM } from '../../../src/core/argon2id-wasm';

const require = createRequire(import.meta.url);

describe('argon2id', () => {
  it('gives hash-wasm’s bytes for any password, salt, cost and length', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 80 }),
        fc.uint8Array({ minLength: 8, maxLength: 32 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 4, max: 80 }),
        async (password, salt, parallelism, iterations, length) => {
          const memoryKiB = 8 * parallelism + 16 * iterations;
          const ours = await argon2id({ password, salt, memoryKiB, iterations, parallelism, length });
          const theirs = await reference({ password, salt, memorySize: memoryKiB, iterations, parallelism, hashLength: length, outputType: 'binary' });
          expect(Buffer.from(ours).toString('hex')).toBe(Buffer.from(theirs).toString('hex'));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives hash-wasm’s bytes at the list tag floor (16 MiB) and after a larger cost grew its memory', async () => {
    const salt = new Uint8Array(16).fill(7);
    for (const memoryKiB of [65_536, 16_384]) {
      const password = new TextEncoder().encode(`tel:+12125550147/${memoryKiB}`);
      const ours = await argon2id({ password, salt, memoryKiB, iterations: 1, parallelism: 1, length: 48 });
      const theirs = await reference({ password, salt, memorySize: memoryKiB, iterations: 1, parallelism: 1, hashLength: 48, outputType: 'binary' });
      expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    }
  });

  it('inlines the installed package’s WebAssembly (run scripts/inline-argon2id-wasm.ts after an upgrade)', () => {
    expect(ARGON2ID_VERSION).toBe((require('argon2id/package.json') as { version: string }).version);
    expect(SIMD_WASM).toBe(readFileSync(require.resolve('argon2id/dist/simd.wasm')).toString('base64'));
    expect(PLAIN_WASM).toBe(readFileSync(require.resolve('argon2id/dist/no-simd.wasm')).toString('base64'));
  });
});

describe('argon2id working memory', () => {
  const input = { salt: new Uint8Array(16).fill(9), memoryKiB: 1024, iterations: 1, parallelism: 1, length: 32 };
  const nonZero = (bytes: Uint8Array) => bytes.reduce((count, byte) => count + (byte === 0 ? 0 : 1), 0);

  it('is left as it is after a tag, and zeroed after a key with wipe (the last blocks would give the key)', async () => {
    await argon2id({ ...input, password: new TextEncoder().encode('tel:+12125550147') });
    expect(nonZero(await workingMemoryForTests(1024 * 1024))).toBeGreaterThan(100_000);
    const key = await argon2id({ ...input, password: new TextEncoder().encode('a vault passphrase') }, { wipe: true });
    expect(nonZero(await workingMemoryForTests(1024 * 1024))).toBe(0);
    // Wiping changes nothing of the result.
    const again = await argon2id({ ...input, password: new TextEncoder().encode('a vault passphrase') });
    expect(Buffer.from(key).equals(Buffer.from(again))).toBe(true);
  });

  it('is wiped by the vault’s key derivation and by a list file’s key', async () => {
    const { deriveKey, newKdfParams } = await import('../../../src/core/vault/kdf');
    const { fileKey } = await import('../../../src/core/warnlist/file');
    await argon2id({ ...input, password: new TextEncoder().encode('some handle to dirty it') });
    await deriveKey('correct horse battery', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
    expect(nonZero(await workingMemoryForTests(1024 * 1024))).toBe(0);
    await argon2id({ ...input, password: new TextEncoder().encode('some handle to dirty it') });
    await fileKey('PSL1-G78X-ES6B-8YWN-78WZ-9F1K-G8JF-VH09-G6MG', { memoryKiB: 1024, iterations: 1, parallelism: 1 }, new Uint8Array(24));
    expect(nonZero(await workingMemoryForTests(1024 * 1024))).toBe(0);
  });
});
