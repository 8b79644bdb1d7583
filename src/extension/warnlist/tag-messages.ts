import type { TagParams } from '../../core/warnlist/tags';

/** One tag to compute: a handle under one list's tag parameters. */
export interface TagRequest {
  handle: string;
  params: TagParams;
}

/** To a tag worker: compute these tags (in order). */
export interface TagWorkRequest {
  parasolTagWork: number;
  requests: TagRequest[];
}

/** From a tag worker: each tag's 48 bytes (tag, then detail key), in the requests' order; or why not. */
export interface TagWorkReply {
  parasolTagWork: number;
  out?: Uint8Array[];
  error?: string;
}

/** From the background (Chrome's service worker) to the offscreen page, and back: a whole batch. */
export interface TagPageRequest {
  parasolTags: number;
  requests: TagRequest[];
}
export interface TagPageReply {
  parasolTags: number;
  out?: Uint8Array[];
  error?: string;
}

export function isTagRequestList(value: unknown): value is TagRequest[] {
  return (
    Array.isArray(value) &&
    value.length <= 10_000 &&
    value.every((r: TagRequest | null) => typeof r?.handle === 'string' && r.handle.length <= 1000 && typeof r.params?.salt === 'string')
  );
}
