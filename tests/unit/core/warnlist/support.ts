// What the warning-list tests share: a fast tagger (SHA-512 of salt and handle, same shape as the
// real one) so property tests can build many lists, and a way to rewrite a list's signed body.
import nacl from 'tweetnacl';
import { buildList, generatePublisherKey, newListSecret, type BuildInput, type Tagger } from '../../../../src/core/warnlist';
import { signBody } from '../../../../src/core/warnlist/body';
import { openEnvelope, parseEnvelope, sealFile } from '../../../../src/core/warnlist/file';
import { fileKdfCost } from '../../../../src/core/warnlist/secret';
import { fromBase64 } from '../../../../src/core/vault/base64';

/** Test only: the file still states Parasol's floor cost; tags are SHA-512 so a test builds in milliseconds. */
export const fastTagger: Tagger = async (handle, params) => {
  const salt = fromBase64(params.salt)!;
  const input = new Uint8Array(salt.length + handle.length * 3);
  input.set(salt);
  const used = new TextEncoder().encodeInto(handle, input.subarray(salt.length)).written;
  const out = nacl.hash(input.subarray(0, salt.length + used));
  return { tag: out.slice(0, 16), detailKey: out.slice(16, 48) };
};

export const publisher = generatePublisherKey();
export const secret = newListSecret();

export function input(overrides: Partial<BuildInput> = {}): BuildInput {
  return {
    id: 'test-list',
    name: 'Test list',
    version: 3,
    issued: '2026-11-01',
    expires: '2099-01-01',
    reports: [
      { handles: ['tel:+12125550147'], category: 'violence', story: 'Choked a worker in a hotel room', region: 'Midtown', date: '2026-10-01' },
      { handles: ['email:jay.b@example.com', 'user:instagram:mike_nyc88'], category: 'robbery', story: 'Took the money back at gunpoint', date: '2026-09-12', sources: 2 },
      { handles: [], category: 'police', story: 'Grey sedan outside the motel asking for dates', region: 'Route 9', date: '2026-10-20' },
    ],
    publisher,
    secret,
    tagger: fastTagger,
    ...overrides,
  };
}

export const build = (overrides: Partial<BuildInput> = {}) => buildList(input(overrides));

/** The list's signed body, changed by `edit`, signed with `signer` and sealed again under the same secret. */
export async function reseal(
  text: string,
  edit: (body: Uint8Array) => Uint8Array = (body) => body,
  signer: Uint8Array = fromBase64(publisher.secretKey)!,
  listSecret = secret,
): Promise<string> {
  const parsed = parseEnvelope(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const opened = await openEnvelope(parsed.envelope, listSecret);
  if (!opened.ok) throw new Error(opened.error);
  const body = edit(opened.body.slice());
  return sealFile(body, await signBody(body, signer), listSecret, fileKdfCost(listSecret));
}

/** A body whose header JSON is replaced by `header(oldJson)`. */
export function withHeader(header: (json: string) => string): (body: Uint8Array) => Uint8Array {
  return (body) => {
    const view = new DataView(body.buffer, body.byteOffset);
    const length = view.getUint32(37);
    const old = new TextDecoder().decode(body.subarray(41, 41 + length));
    const next = new TextEncoder().encode(header(old));
    const out = new Uint8Array(body.length - length + next.length);
    out.set(body.subarray(0, 37));
    new DataView(out.buffer).setUint32(37, next.length);
    out.set(next, 41);
    out.set(body.subarray(41 + length), 41 + next.length);
    return out;
  };
}
