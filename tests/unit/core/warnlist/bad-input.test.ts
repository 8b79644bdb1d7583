import { describe, expect, it } from 'vitest';
import { WarnIndex, decodeListBytes, matchesFor, openList, readListText, type WarnReport } from '../../../../src/core/warnlist';
import { signBody, writeBody } from '../../../../src/core/warnlist/body';
import { sealFile } from '../../../../src/core/warnlist/file';
import { fileKdfCost } from '../../../../src/core/warnlist/secret';
import { fromBase64 } from '../../../../src/core/vault/base64';
import { build, fastTagger, publisher, reseal, secret, withHeader } from './support';

describe('bad input: a clear refusal, quickly', () => {
  it('a 500 MB text is refused by its size before anything is read', async () => {
    const huge = 'A'.repeat(500 * 1024 * 1024);
    const start = performance.now();
    expect(await openList(huge, secret)).toEqual({ ok: false, error: 'too-large' });
    expect(readListText(huge)).toEqual({ ok: false, error: 'too-large' });
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('500 MB of bytes are refused by size before decoding', () => {
    expect(decodeListBytes(new Uint8Array(500 * 1024 * 1024))).toEqual({ ok: false, error: 'too-large' });
  });

  it('JSON nested 100,000 deep, as the file or inside a signed header', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(await openList(deep, secret)).toEqual({ ok: false, error: 'not-a-list' });
    const nested = await reseal(await build(), withHeader(() => `{"id":${'['.repeat(100_000)}${']'.repeat(100_000)}}`));
    expect(await openList(nested, secret)).toEqual({ ok: false, error: 'damaged' });
  });

  it('a million copies of one report become one entry with a million sources', async () => {
    const one: WarnReport = { handles: ['tel:+12125550147'], category: 'violence', story: 'Hit a worker', date: '2026-10-01' };
    const start = performance.now();
    const text = await build({ reports: new Array<WarnReport>(1_000_000).fill(one) });
    const opened = await openList(text, secret);
    if (!opened.ok) throw new Error(opened.error);
    expect(performance.now() - start).toBeLessThan(5000);
    const index = new WarnIndex();
    index.add(opened.list);
    expect(opened.list.entryCount).toBe(1);
    expect(await matchesFor('tel:+12125550147', [opened.list], index, undefined, { tagger: fastTagger })).toMatchObject([{ sources: 1_000_000 }]);
  }, 20_000);

  it('a crafted list with a million entries under one tag is refused as damaged', async () => {
    const n = 1_000_000;
    const detail = new Uint8Array(16);
    const body = writeBody({
      publicKey: fromBase64(publisher.publicKey)!,
      header: {
        id: 'x',
        name: 'x',
        version: 1,
        issued: '2026-01-01',
        expires: '2099-01-01',
        tagParams: { memoryKiB: 16384, iterations: 1, parallelism: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
        detailNonceSeed: 'AAAAAAAAAAAAAAAAAAAAAA==',
        alerts: [],
      },
      tags: new Uint8Array(n * 16),
      retractions: new Uint8Array(0),
      details: new Array<Uint8Array>(n).fill(detail),
    });
    const text = await sealFile(body, await signBody(body, fromBase64(publisher.secretKey)!), secret, fileKdfCost(secret));
    const start = performance.now();
    expect(await openList(text, secret)).toEqual({ ok: false, error: 'damaged' });
    expect(performance.now() - start).toBeLessThan(2000);
  }, 20_000);

  it('bytes that are not UTF-8 are refused clearly', () => {
    expect(decodeListBytes(new Uint8Array([0x50, 0x41, 0xff, 0xfe, 0x00]))).toEqual({ ok: false, error: 'not-a-list' });
    expect(decodeListBytes(new Uint8Array([0xc3, 0x28]))).toEqual({ ok: false, error: 'not-a-list' });
  });

  it('UTF-8 bytes of a list (with a byte-order mark) decode and open', async () => {
    const text = await build();
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const decoded = decodeListBytes(bytes);
    if (!decoded.ok) throw new Error(decoded.error);
    expect((await openList(decoded.fileText, secret)).ok).toBe(true);
  });

  it('an armored block cut short is damaged, not a list', async () => {
    expect(readListText('-----BEGIN PARASOL LIST-----\nUEFSQVNP\n')).toEqual({ ok: false, error: 'damaged' });
  });
});

describe('armored blocks', () => {
  it('a person’s few reports fit in one messenger message (under 4,096 characters)', async () => {
    const { armorList } = await import('../../../../src/core/warnlist');
    const armored = armorList(await build());
    expect(armored.length).toBeLessThan(4096);
    expect(armored).toMatch(/^-----BEGIN PARASOL LIST-----\n([A-Za-z0-9+/]{1,64}\n)+-----END PARASOL LIST-----\n$/);
  });

  it('an armored block with a changed character is refused', async () => {
    const { armorList } = await import('../../../../src/core/warnlist');
    const armored = armorList(await build());
    const at = armored.indexOf('\n', 40) + 20;
    const changed = armored.slice(0, at) + (armored[at] === 'A' ? 'B' : 'A') + armored.slice(at + 1);
    const opened = await openList(changed, secret);
    expect(opened.ok).toBe(false);
  });
});
