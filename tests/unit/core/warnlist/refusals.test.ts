import fc from 'fast-check';
import nacl from 'tweetnacl';
import { beforeAll, describe, expect, it } from 'vitest';
import { WarnIndex, armorList, decodeListBytes, generatePublisherKey, matchesFor, openList } from '../../../../src/core/warnlist';
import { fromBase64 } from '../../../../src/core/vault/base64';
import { build, fastTagger, publisher, reseal, secret, withHeader } from './support';

let file = '';
beforeAll(async () => {
  file = await build();
});

describe('openList refusals: each with its own reason', () => {
  it('opens the untouched file', async () => {
    expect(await openList(file, secret)).toMatchObject({ ok: true, warnings: [] });
  });

  it('refuses a file with any one bit flipped (property over positions)', async () => {
    const bytes = new TextEncoder().encode(file);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 0, max: 7 }), async (at, bit) => {
        const flipped = bytes.slice();
        flipped[at]! ^= 1 << bit;
        const text = decodeListBytes(flipped);
        if (!text.ok) {
          expect(text.error).toBe('not-a-list');
          return;
        }
        const opened = await openList(text.fileText, secret);
        expect(opened.ok).toBe(false);
        if (!opened.ok) expect(['not-a-list', 'unknown-format', 'damaged', 'wrong-secret']).toContain(opened.error);
      }),
      { numRuns: 150 },
    );
  });

  it('calls a flipped bit in the sealed part "damaged", a cut file too', async () => {
    const lines = file.split('\n');
    const box = lines[3]!;
    const changed = box.slice(0, 100) + (box[100] === 'A' ? 'B' : 'A') + box.slice(101);
    expect(await openList([...lines.slice(0, 3), changed, ''].join('\n'), secret)).toEqual({ ok: false, error: 'damaged' });
    expect(await openList(file.slice(0, file.length - 9), secret)).toEqual({ ok: false, error: 'damaged' });
  });

  it('wrong secret', async () => {
    expect(await openList(file, 'PSL1-0000-0000-0000-0000-0000-0000-0000-0000')).toEqual({ ok: false, error: 'wrong-secret' });
    expect(await openList(file, 'a guessed passphrase')).toEqual({ ok: false, error: 'wrong-secret' });
  });

  it('bad signature: signed by another key than the one inside it', async () => {
    const other = generatePublisherKey();
    const forged = await reseal(file, undefined, fromBase64(other.secretKey)!);
    expect(await openList(forged, secret)).toEqual({ ok: false, error: 'bad-signature' });
  });

  it('bad signature: contents changed by someone holding the secret but not the publisher key', async () => {
    const forged = await reseal(
      file,
      withHeader((json) => json.replace('"Test list"', '"Official list"')),
      nacl.sign.keyPair().secretKey,
    );
    expect(await openList(forged, secret)).toEqual({ ok: false, error: 'bad-signature' });
  });

  it('publisher changed: a valid list signed by another key than the pinned one', async () => {
    const other = generatePublisherKey();
    const theirs = await build({ publisher: other });
    expect(await openList(theirs, secret, { pinnedKey: publisher.publicKey })).toEqual({ ok: false, error: 'publisher-changed' });
    expect((await openList(file, secret, { pinnedKey: publisher.publicKey })).ok).toBe(true);
  });

  it('older version than the one held; the same version is accepted', async () => {
    expect(await openList(file, secret, { heldVersion: 4 })).toEqual({ ok: false, error: 'older-version' });
    expect((await openList(file, secret, { heldVersion: 3 })).ok).toBe(true);
  });

  it('expired: flagged by default, refused when asked', async () => {
    const old = await build({ expires: '2025-01-31' });
    const now = new Date('2026-11-22T12:00:00Z');
    expect(await openList(old, secret, { now })).toMatchObject({ ok: true, warnings: ['expired'] });
    expect(await openList(old, secret, { now, refuseExpired: true })).toEqual({ ok: false, error: 'expired' });
    expect(await openList(old, secret, { now: new Date('2025-01-31T23:00:00Z'), refuseExpired: true })).toMatchObject({ ok: true });
  });

  it('unknown format version, in the file line or in the signed body', async () => {
    expect(await openList(file.replace('PARASOL-WARNING-LIST 1', 'PARASOL-WARNING-LIST 2'), secret)).toEqual({ ok: false, error: 'unknown-format' });
    const body2 = await reseal(file, (body) => {
      body[4] = 2;
      return body;
    });
    expect(await openList(body2, secret)).toEqual({ ok: false, error: 'unknown-format' });
  });

  it('weak tags: a signed list whose tag cost is under the floor', async () => {
    const weak = await reseal(file, withHeader((json) => json.replace('"memoryKiB":16384', '"memoryKiB":1024')));
    expect(await openList(weak, secret)).toEqual({ ok: false, error: 'weak-tags' });
  });

  it('not a list', async () => {
    for (const text of ['', 'hello', '{"parasol":1}', '-----BEGIN PGP MESSAGE-----\nabc\n-----END PGP MESSAGE-----']) {
      expect(await openList(text, secret)).toEqual({ ok: false, error: 'not-a-list' });
    }
  });

  it('refuses an armored block with any one character changed (property over positions)', async () => {
    const armored = armorList(file);
    const positions = [...armored].flatMap((c, i) => (/[A-Za-z0-9+/]/.test(c) && i > 30 && i < armored.length - 28 ? [i] : []));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...positions), fc.constantFrom(...'AQgw+/9z'), async (at, replacement) => {
        fc.pre(armored[at] !== replacement);
        const changed = armored.slice(0, at) + replacement + armored.slice(at + 1);
        const opened = await openList(changed, secret);
        expect(opened.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('leaves the lists already held untouched after a failed import', async () => {
    const held = await openList(file, secret);
    if (!held.ok) throw new Error(held.error);
    const index = new WarnIndex();
    index.add(held.list);
    for (const bad of [file.slice(0, 500), file.replace('PARASOL-WARNING-LIST 1', 'PARASOL-WARNING-LIST 9')]) {
      const failed = await openList(bad, secret, { pinnedKey: publisher.publicKey, heldVersion: 3 });
      expect(failed.ok).toBe(false);
    }
    expect(await openList(file, 'wrong', { heldVersion: 3 })).toEqual({ ok: false, error: 'wrong-secret' });
    expect(await matchesFor('tel:+12125550147', [held.list], index, undefined, { tagger: fastTagger })).toHaveLength(1);
  });
});
