/** Made up: the thin slice's draft, and the finding every layer (finder, scan, background) reports for it. */
export const CALL_ME = 'call me 555 123 4567';

export const CALL_ME_PHONE = {
  kind: 'phone',
  severity: 'high',
  value: '555 123 4567',
  normalized: '+15551234567',
  start: 8,
  end: 20,
} as const;
