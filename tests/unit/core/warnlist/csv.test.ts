import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_ERRORS, parseReportsCsv } from '../../../../src/core/warnlist/csv';

const HEADER = 'handles,category,story,region,date,sources,expires\n';
const TODAY = { today: '2026-11-22' };

describe('parseReportsCsv', () => {
  it('reads the demo list: handles in normal form, alerts without handles, optional columns', async () => {
    const text = readFileSync(new URL('../../../fixtures/demo-site/demo-list.csv', import.meta.url), 'utf8');
    const result = await parseReportsCsv(text, { country: 'US', ...TODAY });
    expect(result.errors).toEqual([]);
    expect(result.rows).toBe(5);
    expect(result.reports[0]).toMatchObject({
      handles: ['tel:+12125550147', 'user:any:mike_nyc88'],
      category: 'violence',
      region: 'New York (Manhattan)',
      date: '2026-11-12',
      sources: 2,
    });
    expect(result.reports[0]!.expires).toBeUndefined();
    expect(result.reports[2]!.handles).toEqual(['user:instagram:rich_t_nyc', 'tel:+17185550172']);
    expect(result.reports[3]!.handles).toEqual(['tel:+61491570156']);
    expect(result.reports[4]).toMatchObject({ handles: [], category: 'police', expires: '2027-02-15' });
    const all = result.reports.flatMap((report) => report.handles);
    expect(all).not.toContain('tel:+16465550199');
  });

  it('keeps quoted commas, quotes and line breaks, and numbers rows by the line they start on', async () => {
    const text = `${HEADER}"212 555 0147","violence","He said ""no"",\nthen hit me",NYC,2026-11-01,,\n\n"a@b.example",Sexual assault,x,,2026-01-02,,\n`;
    const result = await parseReportsCsv(text, TODAY);
    expect(result.errors).toEqual([]);
    expect(result.reports[0]!.story).toBe('He said "no",\nthen hit me');
    expect(result.lines).toEqual([2, 5]);
    expect(result.reports[1]).toMatchObject({ handles: ['email:a@b.example'], category: 'sexual-assault' });
  });

  it('reads numbers for the --country given', async () => {
    const text = `${HEADER}0491 570 156,robbery,x,,2026-01-02,,\n`;
    const au = await parseReportsCsv(text, { country: 'AU', ...TODAY });
    expect(au.reports[0]!.handles).toEqual(['tel:+61491570156']);
    const short = await parseReportsCsv(`${HEADER}555 0147,robbery,x,,2026-01-02,,\n`, TODAY);
    expect(short.errors).toEqual([{ line: 2, reason: expect.stringContaining('give --country, or write it with + and its country code') }]);
  });

  it('reports every bad row at once, each with its line and a plain reason', async () => {
    const text = [
      HEADER.trim(),
      'foo bar!,violence,x,,2026-01-02,,', // 2: handle
      '212 555 0147,nope,x,,2026-01-02,,', // 3: category
      '212 555 0147,violence,,,2026-01-02,,', // 4: story
      '212 555 0147,violence,x,,2026-13-01,,', // 5: date
      '212 555 0147,violence,x,,2099-01-01,,', // 6: future
      '212 555 0147,violence,x,,2026-01-02,zero,', // 7: sources
      '212 555 0147,violence,x,,2026-01-02,,2025-01-01', // 8: expiry before date
      '212 555 0147,violence,x, y,2026-01-02,,,extra', // 9: too many columns
      '212 555 0147,violence,fine,,2026-01-02,,', // 10: good
    ].join('\n');
    const result = await parseReportsCsv(text, TODAY);
    expect(result.errors.map((error) => error.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.errors.map((error) => error.reason)).toEqual([
      expect.stringContaining('"foo bar!" is not a phone number, email or username'),
      expect.stringContaining('"nope" is not a category'),
      expect.stringContaining('story is empty'),
      expect.stringContaining('not a real date'),
      expect.stringContaining('in the future'),
      expect.stringContaining('not a number of sources'),
      expect.stringContaining('not after'),
      expect.stringContaining('double quotes'),
    ]);
    expect(result.reports).toHaveLength(1);
    expect(result.lines).toEqual([10]);
  });

  it('refuses a header that misses or misspells a column', async () => {
    expect((await parseReportsCsv('handles,category,story\n', TODAY)).errors).toEqual([
      { line: 1, reason: expect.stringContaining('missing: date') },
    ]);
    expect((await parseReportsCsv('handle,category,story,date\n', TODAY)).errors[0]!.reason).toContain('"handle"');
    expect((await parseReportsCsv('', TODAY)).errors[0]!.reason).toContain('empty');
  });

  it('stops at a quote that is never closed, at the line it opened on', async () => {
    const text = `${HEADER}212 555 0147,violence,ok,,2026-01-02,,\n212 555 0148,violence,"open story,,2026-01-02,,\n212 555 0149,violence,x,,2026-01-02,,\n`;
    const result = await parseReportsCsv(text, TODAY);
    expect(result.errors).toEqual([{ line: 3, reason: expect.stringContaining('never closed') }]);
  });

  it('refuses text that is not UTF-8, at its line, from a stream of chunks', async () => {
    const good = Buffer.from(`${HEADER}212 555 0147,violence,ok,,2026-01-02,,\n`);
    const bad = Buffer.concat([Buffer.from('212 555 0148,violence,caf'), Buffer.from([0xe9]), Buffer.from(',,2026-01-02,,\n')]);
    const result = await parseReportsCsv(Readable.from([good, bad]), TODAY);
    expect(result.errors).toEqual([{ line: 3, reason: expect.stringContaining('not UTF-8') }]);
  });

  it('reads a stream split inside a multi-byte character and a BOM', async () => {
    const bytes = Buffer.from(`\uFEFF${HEADER}212 555 0147,violence,Café ☂,Zürich,2026-01-02,,\n`);
    const pieces = Array.from({ length: bytes.length }, (_, at) => bytes.subarray(at, at + 1));
    const result = await parseReportsCsv(Readable.from(pieces), TODAY);
    expect(result.errors).toEqual([]);
    expect(result.reports[0]).toMatchObject({ story: 'Café ☂', region: 'Zürich' });
  });

  it('lists the first bad rows and counts all of them, quickly', async () => {
    const rows = Array.from({ length: 3000 }, () => '212 555 0147,violence,x,,2026-99-02,,').join('\n');
    const started = Date.now();
    const result = await parseReportsCsv(`${HEADER}${rows}`, TODAY);
    expect(result.errorCount).toBe(3000);
    expect(result.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(result.errors.at(-1)!.line).toBe(MAX_LISTED_ERRORS + 1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives a runaway quoted field a clear end', async () => {
    const text = `${HEADER}212 555 0147,violence,"${'x'.repeat(200_000)}`;
    const result = await parseReportsCsv(text, TODAY);
    expect(result.errors).toEqual([{ line: 2, reason: expect.stringContaining('longer than') }]);
  });
});
