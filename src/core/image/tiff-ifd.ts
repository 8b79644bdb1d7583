/**
 * A bounds-checked reader of TIFF image file directories (IFDs), the layout of EXIF and of most
 * maker notes. exifr hands maker notes back as raw bytes without their place in the file, and
 * maker-note offsets count from the EXIF block's start (or from the note's own header), so
 * Parasol walks them itself with this reader. Every read is checked against the buffer: a broken
 * file yields fewer entries, never an exception or a loop.
 */

export interface Tiff {
  bytes: Uint8Array;
  view: DataView;
  little: boolean;
  /** Offsets in this block count from here. */
  base: number;
}

export interface IfdEntry {
  tag: number;
  type: number;
  count: number;
  /** Absolute offset of the value in `bytes`. */
  at: number;
  size: number;
}

const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
/** More entries than any real directory has: a corrupt count is not walked. */
const MAX_ENTRIES = 1000;

/** A TIFF header ("II*\0" or "MM\0*") at `at`, or undefined. */
export function tiffAt(bytes: Uint8Array, at: number): Tiff | undefined {
  if (at < 0 || at + 8 > bytes.length) return undefined;
  const order = String.fromCharCode(bytes[at]!, bytes[at + 1]!);
  if (order !== 'II' && order !== 'MM') return undefined;
  const little = order === 'II';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(at + 2, little) !== 42) return undefined;
  return { bytes, view, little, base: at };
}

/** The first IFD's offset (relative to `tiff.base`). */
export function firstIfdOffset(tiff: Tiff): number {
  return tiff.view.getUint32(tiff.base + 4, tiff.little);
}

/** The entries of the IFD at `offset` (relative to `tiff.base`), and the next IFD's offset (0 if none). */
export function readIfd(tiff: Tiff, offset: number): { entries: IfdEntry[]; next: number } {
  const { view, little, base, bytes } = tiff;
  const start = base + offset;
  if (offset <= 0 || start + 2 > bytes.length) return { entries: [], next: 0 };
  const count = view.getUint16(start, little);
  if (count > MAX_ENTRIES || start + 2 + count * 12 > bytes.length) return { entries: [], next: 0 };
  const entries: IfdEntry[] = [];
  for (let i = 0; i < count; i++) {
    const entry = start + 2 + i * 12;
    const type = view.getUint16(entry + 2, little);
    const itemCount = view.getUint32(entry + 4, little);
    const size = (TYPE_SIZES[type] ?? 0) * itemCount;
    if (!size) continue;
    const at = size <= 4 ? entry + 8 : base + view.getUint32(entry + 8, little);
    if (at + size > bytes.length) continue;
    entries.push({ tag: view.getUint16(entry, little), type, count: itemCount, at, size });
  }
  const nextAt = start + 2 + count * 12;
  const next = nextAt + 4 <= bytes.length ? view.getUint32(nextAt, little) : 0;
  return { entries, next };
}

export function entryBytes(tiff: Tiff, entry: IfdEntry): Uint8Array {
  return tiff.bytes.subarray(entry.at, entry.at + entry.size);
}

/** The entry's first (or `index`th) number, for the integer types. */
export function entryNumber(tiff: Tiff, entry: IfdEntry, index = 0): number | undefined {
  const { view, little } = tiff;
  if (index >= entry.count) return undefined;
  switch (entry.type) {
    case 1:
    case 7:
      return view.getUint8(entry.at + index);
    case 3:
      return view.getUint16(entry.at + index * 2, little);
    case 4:
    case 13:
      return view.getUint32(entry.at + index * 4, little);
    case 8:
      return view.getInt16(entry.at + index * 2, little);
    case 9:
      return view.getInt32(entry.at + index * 4, little);
    default:
      return undefined;
  }
}

/**
 * The entry as text: ASCII or undefined bytes up to the first NUL, trimmed; EXIF's
 * "UNICODE\0" and "ASCII\0\0\0" character-code headers are understood.
 */
export function entryText(tiff: Tiff, entry: IfdEntry): string {
  return bytesText(entryBytes(tiff, entry), tiff.little);
}

export function bytesText(data: Uint8Array, little = false): string {
  const header = String.fromCharCode(...data.subarray(0, 8));
  let text: string;
  if (header === 'UNICODE\0') {
    const body = data.subarray(8);
    // Kodak and others write the UTF-16 in the block's byte order, sometimes with a stray NUL first.
    const skip = body[0] === 0 && body[1] === 0 ? 1 : 0;
    const units = body.subarray(skip, skip + ((body.length - skip) & ~1));
    text = new TextDecoder(little ? 'utf-16le' : 'utf-16be').decode(units);
  } else {
    let body = header === 'ASCII\0\0\0' ? data.subarray(8) : data;
    // Leading NULs are padding (Panasonic's serial starts with two).
    const first = body.findIndex((byte) => byte !== 0);
    body = body.subarray(first === -1 ? body.length : first);
    const end = body.indexOf(0);
    text = new TextDecoder('latin1').decode(end === -1 ? body : body.subarray(0, end));
  }
  return text.split('\0')[0]!.trim();
}

/** The entry with `tag`, or undefined. */
export function findEntry(entries: IfdEntry[], tag: number): IfdEntry | undefined {
  return entries.find((entry) => entry.tag === tag);
}
