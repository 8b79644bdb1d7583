// The test's own reading of a JPEG, written from ITU T.81 apart from the cleaner: the segments a
// decoder draws the picture from (tables, frame headers, restart interval, scan headers with their
// entropy-coded data), in file order, each as its exact bytes.

const isRst = (m: number) => m >= 0xd0 && m <= 0xd7;
const IMAGE = (m: number) => (m >= 0xc0 && m <= 0xcf && m !== 0xc8) || m === 0xdb || m === 0xdd || m === 0xda || m === 0xdc;

export function imageSegments(bytes: Uint8Array): Buffer[] {
  const segments: Buffer[] = [];
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff || bytes[at + 1] === 0xff || bytes[at + 1] === 0) {
      at++;
      continue;
    }
    const marker = bytes[at + 1]!;
    if (marker === 0xd9) break;
    const end = at + 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
    let next = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next real marker (T.81 B.1.1.2: FF00 is a stuffed byte,
      // RSTn sit inside; FF01-FFBF are reserved and never start a segment).
      while (next + 1 < bytes.length && !(bytes[next] === 0xff && bytes[next + 1]! >= 0xc0 && !isRst(bytes[next + 1]!) && bytes[next + 1] !== 0xff)) next++;
    }
    if (IMAGE(marker)) segments.push(Buffer.from(bytes.subarray(at, next)));
    at = next;
  }
  return segments;
}
