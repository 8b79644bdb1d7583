/**
 * The organisations' CSV of reports (`parasol list build --csv`), laid out in docs/warnlist-csv.md:
 * a header row naming the columns, then one report a row. Every bad row is reported with its line
 * number and a plain reason, all at once, so a publisher fixes the file in one pass.
 *
 * The CSV grammar itself (RFC 4180 quoting, quoted line breaks, BOM) is csv-parse's: a well-kept
 * parser that streams and tells each record's line. Only the meaning of the columns is ours.
 */
import { parse, type Info } from 'csv-parse';
import type { CountryCode } from 'libphonenumber-js';
import { normalHandle } from './handle';
import { WARN_CATEGORIES, type NormalHandle, type WarnCategory, type WarnReport } from './types';

/** Refused before reading: a million rows of a few hundred bytes each fit well under it. */
export const MAX_CSV_BYTES = 256 * 2 ** 20;
export const MAX_CSV_ROWS = 1_000_000;
/** One record (all its fields, quoted line breaks included); stops a runaway open quote early. */
export const MAX_RECORD_CHARS = 64 * 1024;
export const MAX_STORY_CHARS = 4000;
export const MAX_REGION_CHARS = 200;
export const MAX_HANDLES_PER_ROW = 20;
export const MAX_HANDLE_CHARS = 200;
export const MAX_SOURCES = 100_000;
/** Past this many, bad rows are counted, not listed: the first ones show what is wrong. */
export const MAX_LISTED_ERRORS = 500;

export const CSV_COLUMNS = ['handles', 'category', 'story', 'region', 'date', 'sources', 'expires'] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: Column[] = ['handles', 'category', 'story', 'date'];

/** Turns one handle as written into its normal form, or nothing when it is not one. */
export type HandleNormaliser = (raw: string, hints: { country?: CountryCode; site?: string }) => NormalHandle | null | undefined;

export interface CsvOptions {
  /** Default: the list format's own normalHandle, as the extension reads handles on pages. */
  normalise?: HandleNormaliser;
  /** Two letters: the country of numbers written without a country code (else they are read as US numbers). */
  country?: CountryCode;
  /** YYYY-MM-DD; a report dated after it is refused (a typo in the year). Default: today (UTC) + 1 day. */
  today?: string;
}

export interface CsvRowError {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  reason: string;
}

export interface CsvResult {
  reports: WarnReport[];
  /** The line each report came from, in the same order. */
  lines: number[];
  /** Empty when the whole file is good. At most MAX_LISTED_ERRORS; `errorCount` has them all. */
  errors: CsvRowError[];
  errorCount: number;
  /** Data rows read (the header not counted). */
  rows: number;
}

type Source = string | Uint8Array | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/**
 * Reads a CSV of reports from text, bytes or a stream of chunks (e.g. `createReadStream(file)`).
 * Never throws on bad input: a file that is not UTF-8, too large, or whose quoting breaks off
 * ends with an error at the line where it happened.
 */
export async function parseReportsCsv(source: Source, options: CsvOptions): Promise<CsvResult> {
  const result: CsvResult = { reports: [], lines: [], errors: [], errorCount: 0, rows: 0 };
  const fail = (line: number, reason: string) => {
    result.errorCount++;
    if (result.errors.length < MAX_LISTED_ERRORS) result.errors.push({ line, reason });
  };
  const latest = options.today ?? dayAfter(new Date().toISOString().slice(0, 10));
  let header: Map<Column, number> | undefined;
  let stopped = false;
  let lastLine = 1;

  const parser = parse({
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const done = new Promise<void>((resolve) => {
    parser.on('data', ({ record, raw, info }: { record: string[]; raw: string; info: Info }) => {
      if (stopped) return;
      const line = startLine(info.lines, raw);
      lastLine = info.lines;
      if (!header) {
        const read = readHeader(record);
        if (typeof read === 'string') {
          fail(line, read);
          stopped = true;
        } else header = read;
        return;
      }
      if (isBlank(record)) return;
      result.rows++;
      if (result.rows > MAX_CSV_ROWS) {
        fail(line, `The file has more than ${MAX_CSV_ROWS.toLocaleString('en')} rows; split it into several lists.`);
        stopped = true;
        return;
      }
      const report = readRow(record, header, options, latest);
      if (typeof report === 'string') fail(line, report);
      else {
        result.reports.push(report);
        result.lines.push(line);
      }
    });
    parser.on('error', (error: Error & { code?: string; lines?: number }) => {
      // An open quote is only noticed where reading ends; the row it opened starts after the last good one.
      const runaway = error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE';
      if (!stopped) fail(runaway ? lastLine + 1 : error.lines ?? lastLine, parseErrorText(error));
      stopped = true;
      resolve();
    });
    parser.on('end', () => resolve());
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let linesBefore = 0; // line breaks in the chunks already decoded, to place a bad byte
  for await (const chunk of chunks(source)) {
    if (stopped) break;
    bytes += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    if (bytes > MAX_CSV_BYTES) {
      fail(lastLine, `The file is larger than ${MAX_CSV_BYTES / 2 ** 20} MB; split it into several lists.`);
      stopped = true;
      break;
    }
    let text: string;
    try {
      text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    } catch {
      fail(linesBefore + badByteLine(chunk as Uint8Array), 'The file is not UTF-8 text: save it again as "CSV UTF-8" and try again.');
      stopped = true;
      break;
    }
    if (typeof chunk !== 'string') linesBefore += countBreaks(chunk);
    // Waits for the parser to take the text in (or to stop on an error, which then ends it).
    if (!parser.write(text)) await Promise.race([new Promise((resolve) => parser.once('drain', resolve)), done]);
  }
  if (!stopped) {
    try {
      const rest = decoder.decode();
      if (rest) parser.write(rest);
    } catch {
      fail(linesBefore + 1, 'The file is not UTF-8 text: it ends in the middle of a character.');
      stopped = true;
    }
  }
  if (stopped) parser.destroy();
  else parser.end();
  if (!stopped) await done;
  if (!header && result.errorCount === 0) fail(1, `The file is empty: it needs a header row (${REQUIRED.join(', ')}...) and one report a row.`);
  return result;
}

async function* chunks(source: Source): AsyncIterable<string | Uint8Array> {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    // Large texts in pieces, so the parser works as it would on a stream.
    const size = 1 << 20;
    for (let at = 0; at < source.length; at += size) yield source.slice(at, at + size);
    return;
  }
  yield* source as AsyncIterable<string | Uint8Array>;
}

function countBreaks(bytes: Uint8Array): number {
  let breaks = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) breaks++;
  return breaks;
}

/** 1-based line, within this chunk, of its first byte that is not UTF-8. */
function badByteLine(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  const bad = text.indexOf('\uFFFD');
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < bad; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** csv-parse tells the line a record ends on; its raw text says how many line breaks it spans. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  let breaks = 0;
  for (let at = body.indexOf('\n'); at !== -1; at = body.indexOf('\n', at + 1)) breaks++;
  return endLine - breaks;
}

function isBlank(record: string[]): boolean {
  return record.every((field) => field.trim() === '');
}

function readHeader(record: string[]): Map<Column, number> | string {
  const columns = new Map<Column, number>();
  for (const [index, cell] of record.entries()) {
    const name = cell.trim().toLowerCase();
    if (name === '') continue;
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      return `The header names a column "${cell.trim()}" that Parasol does not know; the columns are: ${CSV_COLUMNS.join(', ')}.`;
    }
    if (columns.has(name as Column)) return `The header names the column "${name}" twice.`;
    columns.set(name as Column, index);
  }
  const missing = REQUIRED.filter((name) => !columns.has(name));
  if (missing.length > 0) {
    return `The first row must name the columns; missing: ${missing.join(', ')} (the columns are: ${CSV_COLUMNS.join(', ')}).`;
  }
  return columns;
}

function readRow(record: string[], header: Map<Column, number>, options: CsvOptions, latest: string): WarnReport | string {
  const width = Math.max(...header.values()) + 1;
  const extra = record.slice(width).some((field) => field.trim() !== '');
  if (extra) return `This row has ${record.length} columns but the header has ${width}; a comma in a story must be inside "double quotes".`;
  const cell = (name: Column) => (header.has(name) ? (record[header.get(name)!] ?? '').trim() : '');

  const handles = readHandles(cell('handles'), options);
  if (typeof handles === 'string') return handles;

  const categoryText = cell('category');
  const category = readCategory(categoryText);
  if (!category) {
    return categoryText === ''
      ? `The category is empty; it must be one of: ${WARN_CATEGORIES.join(', ')}.`
      : `"${clip(categoryText)}" is not a category; it must be one of: ${WARN_CATEGORIES.join(', ')}.`;
  }

  const story = cell('story');
  if (story === '') return 'The story is empty: say in a few words what happened.';
  if (story.length > MAX_STORY_CHARS) return `The story is ${story.length} characters long; at most ${MAX_STORY_CHARS} fit.`;

  const region = cell('region');
  if (region.length > MAX_REGION_CHARS) return `The region is ${region.length} characters long; at most ${MAX_REGION_CHARS} fit.`;

  const date = cell('date');
  const dateProblem = checkDate(date, 'date');
  if (dateProblem) return dateProblem;
  if (date > latest) return `The date ${date} is in the future; check the year.`;

  const report: WarnReport = { handles, category, story, date };
  if (region) report.region = region;

  const sourcesText = cell('sources');
  if (sourcesText !== '') {
    if (!/^\d+$/.test(sourcesText) || Number(sourcesText) < 1 || Number(sourcesText) > MAX_SOURCES) {
      return `"${clip(sourcesText)}" is not a number of sources; write a whole number from 1 to ${MAX_SOURCES}, or leave it empty for 1.`;
    }
    report.sources = Number(sourcesText);
  }

  const expires = cell('expires');
  if (expires !== '') {
    const problem = checkDate(expires, 'expiry date');
    if (problem) return problem;
    if (expires <= date) return `The expiry date ${expires} is not after the report's date ${date}.`;
    report.expires = expires;
  }
  return report;
}

/**
 * `|`-separated: numbers (read with the `--country` default), emails, `site:name` usernames,
 * `@name` (a username on any site), or handles already in normal form (`tel:`, `email:`, `user:`).
 */
function readHandles(text: string, options: CsvOptions): NormalHandle[] | string {
  if (text === '') return []; // an alert: readable by every holder of the list
  const parts = text.split('|').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length > MAX_HANDLES_PER_ROW) return `This row has ${parts.length} handles; at most ${MAX_HANDLES_PER_ROW} fit in one report.`;
  const handles: NormalHandle[] = [];
  for (const part of parts) {
    if (part.length > MAX_HANDLE_CHARS) return `A handle is ${part.length} characters long; at most ${MAX_HANDLE_CHARS} fit.`;
    const normal = normaliseOne(part, options);
    if (!normal) {
      const local = /^[\d\s().-]+$/.test(part) ? ` (it is read as a number in ${options.country ?? 'the US'}: give --country, or write it with + and its country code)` : '';
      return `"${clip(part)}" is not a phone number, email or username Parasol can read${local}.`;
    }
    if (!handles.includes(normal)) handles.push(normal);
  }
  return handles;
}

const SITE_PREFIX = /^([a-z][a-z0-9.-]{0,39}):(?!\/\/)(.+)$/i;

function normaliseOne(part: string, options: CsvOptions): NormalHandle | null | undefined {
  const normalise = options.normalise ?? normalHandle;
  const hints = options.country ? { country: options.country } : {};
  const normal = normalise(part, hints);
  if (normal) return normal;
  // "velvetstreet:name": a site the text finders do not know by name is still a site.
  const prefixed = SITE_PREFIX.exec(part);
  if (prefixed && !/^(tel|email|user|mailto)$/i.test(prefixed[1]!)) {
    return normalise(prefixed[2]!.trim(), { ...hints, site: prefixed[1]!.toLowerCase() });
  }
  return undefined;
}

function readCategory(text: string): WarnCategory | undefined {
  const name = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return (WARN_CATEGORIES as readonly string[]).includes(name) ? (name as WarnCategory) : undefined;
}

function checkDate(text: string, what: string): string | undefined {
  if (text === '') return `The ${what} is empty; write it as YYYY-MM-DD (e.g. 2026-11-20).`;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return `"${clip(text)}" is not a ${what} written as YYYY-MM-DD (e.g. 2026-11-20).`;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== text || Number(match[1]) < 1971 || Number(match[1]) > 2148) return `${text} is not a real ${what}.`;
  return undefined;
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function parseErrorText(error: Error & { code?: string }): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A "double quote" opened here is never closed; the rest of the file could not be read.';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'A "double quote" closes a field but more text follows it; inside a quoted field write a quote as two quotes (""). The rest of the file was not read.';
    case 'CSV_MAX_RECORD_SIZE':
      return `A row is longer than ${MAX_RECORD_CHARS / 1024} KB (often a quote that is never closed); the rest of the file was not read.`;
    default:
      return `The CSV could not be read here (${error.message}); the rest of the file was not read.`;
  }
}

/** Quoted back in an error: enough to find it, never a whole story. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
