import { describe, expect, it } from 'vitest';
import { MAX_DRAFT_CHARS, forgetScannedParts, scanDraft } from '../../../src/core/text/scan-draft';
import { CALL_ME, CALL_ME_PHONE } from '../thin-slice';

describe('scanDraft', () => {
  it('finds a phone number', () => {
    const [phone, ...rest] = scanDraft(CALL_ME);
    expect(rest).toEqual([]);
    expect(phone).toMatchObject(CALL_ME_PHONE);
    expect(CALL_ME.slice(phone!.start, phone!.end)).toBe(phone!.value);
  });

  it('reads a number by the country hint where two countries could have it', () => {
    expect(scanDraft('call 312 345 6789').map((f) => f.normalized)).toEqual(['+13123456789']);
    expect(scanDraft('call 312 345 6789', { country: 'IT' }).map((f) => f.normalized)).toEqual(['+393123456789']);
    expect(scanDraft('звони 8 912 345-67-89', { country: 'RU' }).map((f) => f.normalized)).toEqual([
      '+79123456789',
    ]);
  });

  it('lists several numbers in reading order', () => {
    const text = '555-987-6543, or +44 20 7946 0958, or (555) 123-4567';
    const found = scanDraft(text);
    expect(found.map((f) => f.value)).toEqual(['555-987-6543', '+44 20 7946 0958', '(555) 123-4567']);
    expect(found.map((f) => f.start)).toEqual([...found.map((f) => f.start!)].sort((a, b) => a - b));
  });

  it('finds nothing in a draft without numbers', () => {
    expect(scanDraft('Sweet and discreet, available evenings.')).toEqual([]);
    expect(scanDraft('')).toEqual([]);
  });

  it('cuts a draft longer than the limit instead of rejecting it', () => {
    const phone = ' 555 123 4567 ';
    const head = 'a'.repeat(1000) + phone;
    const tail = ' +44 20 7946 0958';
    const text = head + ' '.repeat(MAX_DRAFT_CHARS - head.length) + tail;
    expect(text.length).toBeGreaterThan(MAX_DRAFT_CHARS);
    const found = scanDraft(text);
    expect(found.map((f) => f.normalized)).toEqual(['+15551234567']);
    expect(found[0]!.start).toBe(1001);
  });

  it('still scans a draft of exactly the limit', () => {
    const tail = ' +44 20 7946 0958';
    const text = ' '.repeat(MAX_DRAFT_CHARS - tail.length) + tail;
    expect(text.length).toBe(MAX_DRAFT_CHARS);
    expect(scanDraft(text).map((f) => f.normalized)).toEqual(['+442079460958']);
  });

  // Made up: one draft with one of each kind the text finders report.
  it('reports every kind of finding from one draft, each span on its own text', () => {
    const text =
      'New in town! Text 7O2 five five five 0147 or mail jane.doe at gmail dot com. ' +
      'IG: @jane.doe.xo, deposit to cashapp $JaneDoe77. I live above the bakery on Elm Street.';
    const found = scanDraft(text, { country: 'US' });
    const kinds = new Set(found.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['address', 'email', 'handle', 'payment', 'phone']);
    for (const finding of found) expect(text.slice(finding.start, finding.end)).toBe(finding.value);
    expect(found.find((f) => f.kind === 'phone')!.normalized).toBe('+17025550147');
  });

  it('scans the parts of a long draft apart and gives the same answer as in one piece', () => {
    const part = 'Booking: 7*0*2 555~0147, 150hh. IG jane.doe.xo';
    const text = [part, part.replace('0147', '0148')].join('\n\n\n');
    forgetScannedParts();
    const whole = scanDraft(text);
    expect(whole.filter((f) => f.kind === 'phone').map((f) => f.normalized)).toEqual(['+17025550147', '+17025550148']);
    for (const finding of whole) expect(text.slice(finding.start, finding.end)).toBe(finding.value);
    expect(scanDraft(text)).toEqual(whole);
  });

  // Made up: the bad inputs of the acceptance list. The time each takes is measured by
  // `npm run bench`; here they must end, and end with a sane answer.
  it.each([
    ['1 MB of ad text', 'Sweet girl, 150hh, text 7O2 555 0147. '.repeat(28_000), (n: number) => n > 0],
    ['only emoji', '😘💋🔥'.repeat(20_000), (n: number) => n === 0],
    ['right-to-left text', 'مرحبا ١٢٣ שלום 456 '.repeat(5_000), (n: number) => n >= 0],
    ['10 000 digits in a row', '7'.repeat(10_000), (n: number) => n === 0],
  ])('copes with %s', (_name, text, ok) => {
    const found = scanDraft(text);
    expect(ok(found.length)).toBe(true);
    for (const finding of found) expect(finding.end!).toBeLessThanOrEqual(MAX_DRAFT_CHARS);
  });
});
