// A list once opened: its signed header, readable alerts, and its entries kept compact (typed
// arrays, not one object per entry), so a 1,000,000-entry list stays within tens of megabytes.
import type { TagParams } from './tags';
import type { WarnCategory } from './types';

/** A report without a handle (a car, an area): readable by everyone who holds the list. */
export interface WarnAlert {
  category: WarnCategory;
  story: string;
  region?: string;
  date: string;
  sources: number;
  expires?: string;
}

export interface OpenedList {
  /** Version of the file format it came in (1). */
  format: number;
  id: string;
  name: string;
  version: number;
  issued: string;
  expires: string;
  /** The publisher's Ed25519 key (base64) that signed it. */
  publicKey: string;
  tagParams: TagParams;
  entryCount: number;
  alerts: WarnAlert[];
  /** entryCount tags of 16 bytes, in ascending byte order (several in a row for one handle's categories). */
  tags: Uint8Array;
  /** All entries' sealed details, one after another. */
  details: Uint8Array;
  /** Entry i's details are details[detailOffsets[i], detailOffsets[i + 1]). */
  detailOffsets: Uint32Array;
  /** Random per build; with an entry's position, its details' nonce. */
  detailNonceSeed: Uint8Array;
  /** Tags of retracted handles (16 bytes each, ascending): they never match, here or in older versions. */
  retractions: Uint8Array;
}
