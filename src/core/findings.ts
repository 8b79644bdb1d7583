/** What a finder reports. Shared by the extension, the CLI and every later finder (text, photos, lists). */

export const FINDING_KINDS = [
  'phone',
  'email',
  'handle',
  'link',
  'payment',
  'address',
  'identity',
  'location',
  'serial',
  'owner',
  'datetime',
  'thumbnail',
  'face',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A one-click fix the person may choose; nothing is ever applied without that click. */
export interface Fix {
  action: 'remove' | 'replace';
  replacement?: string;
}

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** The exact text as it stands in the draft. */
  value: string;
  /** The same thing in one canonical form (a phone number in E.164, an email lower-cased). */
  normalized?: string;
  /** Where `value` stands in the scanned text: [start, end) in UTF-16 code units. */
  start?: number;
  end?: number;
  /**
   * Name of the plain-words explanation in `public/_locales/<lang>/messages.json`.
   * Core code never holds user-facing sentences, so every language gets the same reason.
   */
  reason: string;
  fix?: Fix;
  /** A photo's position (kind `location`), with the country code and nearest city from the offline gazetteer. */
  lat?: number;
  lon?: number;
  country?: string;
  city?: string;
  /** Kind `identity`, of another work persona: that persona's label, which its reason names ($LABEL$). */
  identityLabel?: string;
  /** Where a face is in a photo (kind `face`), as fractions of the picture's width and height (0..1). */
  box?: { x: number; y: number; width: number; height: number };
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Most serious first, then in reading order. */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.start ?? 0) - (b.start ?? 0);
}
