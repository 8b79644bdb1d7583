import { describe, expect, it } from 'vitest';
import { MAX_DRAFT_CHARS, scanDraft } from '../../../src/core/text/scan-draft';
import { CALL_ME, CALL_ME_PHONE } from '../thin-slice';

describe('scanDraft', () => {
  it('finds a phone number', () => {
    const [phone, ...rest] = scanDraft(CALL_ME);
    expect(rest).toEqual([]);
    expect(phone).toMatchObject(CALL_ME_PHONE);
    expect(CALL_ME.slice(phone!.start, phone!.end)).toBe(phone!.value);
  });

  it('passes the country hint on', () => {
    expect(scanDraft('call 020 7946 0958')).toEqual([]);
    expect(scanDraft('call 020 7946 0958', { country: 'GB' }).map((f) => f.normalized)).toEqual([
      '+442079460958',
    ]);
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
});
