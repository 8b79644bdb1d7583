// Warning lists: the format (docs/warnlist-format.md), its build and open, the index and lookup.
export { normalHandle, type HandleNormalOptions } from './handle';
export { generatePublisherKey, fingerprintWords, type PublisherKey } from './keys';
export { newListSecret, canonicalSecret } from './secret';
export { buildList, mergeReports, tagSalt, type BuildInput } from './build';
export { armorList, readListText, decodeListBytes, MAX_LIST_TEXT, MAX_PASTED_TEXT, FORMAT_VERSION } from './file';
export { openList, listExpired, type OpenOptions, type OpenResult } from './open';
export { tagOf, argonTagger, TAG_FLOOR, TAG_CEILING, DEFAULT_TAG_COST, type TagCost, type TagParams, type Tagger, type HandleTag } from './tags';
export { WarnIndex, matchesFor, type TagCache } from './lookup';
export { summaryOf } from './summary';
export type { OpenedList, WarnAlert } from './model';
export * from './types';
