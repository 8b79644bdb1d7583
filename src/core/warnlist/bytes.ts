// Small byte helpers for the list's binary body: a growable writer, a bounds-checked reader,
// LEB128 varints, and a strict base64 codec fast enough for a 60 MB list (atob builds a string
// of the same size first, and the browsers' fromBase64 is not everywhere yet).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Base64 without padding of bytes whose length is a multiple of 3 (the list's lengths are chosen so). */
export function encodeBase64(bytes: Uint8Array): string {
  if (bytes.length % 3 !== 0) throw new RangeError('warnlist: base64 of a length not a multiple of 3');
  const parts: string[] = [];
  const CHUNK = 3 * 16384;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const end = Math.min(bytes.length, at + CHUNK);
    const codes = new Array<number>(((end - at) / 3) * 4);
    let o = 0;
    for (let i = at; i < end; i += 3) {
      const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      codes[o++] = ALPHABET.charCodeAt(v >>> 18);
      codes[o++] = ALPHABET.charCodeAt((v >>> 12) & 63);
      codes[o++] = ALPHABET.charCodeAt((v >>> 6) & 63);
      codes[o++] = ALPHABET.charCodeAt(v & 63);
    }
    parts.push(String.fromCharCode.apply(null, codes));
  }
  return parts.join('');
}

/** Null unless `text[start, end)` is base64 without padding, a multiple of 4 characters. */
export function decodeBase64(text: string, start = 0, end = text.length): Uint8Array | null {
  const length = end - start;
  if (length < 0 || length % 4 !== 0) return null;
  const out = new Uint8Array((length / 4) * 3);
  let o = 0;
  for (let i = start; i < end; i += 4) {
    const a = DECODE[text.charCodeAt(i) & 0xffff] ?? -1;
    const b = DECODE[text.charCodeAt(i + 1) & 0xffff] ?? -1;
    const c = DECODE[text.charCodeAt(i + 2) & 0xffff] ?? -1;
    const d = DECODE[text.charCodeAt(i + 3) & 0xffff] ?? -1;
    // Code units above 255 were masked into the table's range: check they really were ASCII.
    if ((a | b | c | d) < 0 || (text.charCodeAt(i) | text.charCodeAt(i + 1) | text.charCodeAt(i + 2) | text.charCodeAt(i + 3)) > 127) {
      return null;
    }
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >>> 16;
    out[o++] = (v >>> 8) & 255;
    out[o++] = v & 255;
  }
  return out;
}

export class ByteWriter {
  private buffer: Uint8Array;
  length = 0;

  constructor(initial = 1024) {
    this.buffer = new Uint8Array(initial);
  }

  private room(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  u8(value: number): void {
    this.room(1);
    this.buffer[this.length++] = value;
  }

  u16(value: number): void {
    this.room(2);
    this.buffer[this.length++] = value >>> 8;
    this.buffer[this.length++] = value & 255;
  }

  u32(value: number): void {
    this.room(4);
    new DataView(this.buffer.buffer).setUint32(this.length, value);
    this.length += 4;
  }

  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError('warnlist: varint out of range');
    while (value >= 0x80) {
      this.u8((value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    this.u8(value);
  }

  bytes(data: Uint8Array): void {
    this.room(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** Room for `size` bytes, returned as a view to fill in place. */
  reserve(size: number): Uint8Array {
    this.room(size);
    const view = this.buffer.subarray(this.length, this.length + size);
    this.length += size;
    return view;
  }

  result(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** Reads forward; every read past the end throws OutOfBytes (a damaged or cut body). */
export class OutOfBytes extends Error {}

export class ByteReader {
  at = 0;
  private readonly view: DataView;

  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get left(): number {
    return this.data.length - this.at;
  }

  private need(size: number): void {
    if (size < 0 || this.at + size > this.data.length) throw new OutOfBytes();
  }

  u8(): number {
    this.need(1);
    return this.data[this.at++]!;
  }

  u16(): number {
    this.need(2);
    const value = this.view.getUint16(this.at);
    this.at += 2;
    return value;
  }

  u32(): number {
    this.need(4);
    const value = this.view.getUint32(this.at);
    this.at += 4;
    return value;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      const byte = this.u8();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        // One form per number: a trailing zero byte would let two encodings mean the same.
        if (i > 0 && byte === 0) throw new OutOfBytes();
        return value;
      }
      scale *= 128;
    }
    throw new OutOfBytes();
  }

  bytes(size: number): Uint8Array {
    this.need(size);
    const view = this.data.subarray(this.at, this.at + size);
    this.at += size;
    return view;
  }
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Compares 16-byte tags: a at aAt in aBytes with b at bAt in bBytes. */
export function compareTags(aBytes: Uint8Array, aAt: number, bBytes: Uint8Array, bAt: number): number {
  for (let i = 0; i < 16; i++) {
    const d = aBytes[aAt + i]! - bBytes[bAt + i]!;
    if (d !== 0) return d;
  }
  return 0;
}
