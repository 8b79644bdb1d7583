import { storage } from 'wxt/utils/storage';
import * as v from 'valibot';
import {
  armorList,
  buildList,
  generatePublisherKey,
  matchesFor,
  newListSecret,
  normalHandle,
  openList,
  readListText,
  summaryOf,
  WarnIndex,
  type OpenedList,
} from '../../../core/warnlist';
import { prefillTags, type BatchTagger, type TagCache } from '../../../core/warnlist/lookup';
import { WARN_CATEGORIES, type NormalHandle, type WarnMatch, type WarnReport } from '../../../core/warnlist/types';
import type { ListImportProgress, ListImportReply, ListsReply, ReportExportReply, ReportReply, WarnCheckReply } from '../../messages';
import { personCountry } from '../country';
import { onIdentitiesChange } from '../vault/unlocked-identities';
import { backgroundTagger } from '../../warnlist/background-tagger';
import type { VaultService } from '../vault/vault-service';
import { newFileKey, readListFile, removeListFiles, writeListFile } from './list-files';

/** The vault record of which lists are held: where each file is, and the secret that opens it. */
const LISTS_RECORD = 'warnlists';
/** The person's own reports, and the key and secret their list is signed and sealed with. */
const OWN_RECORD = 'warnlist-own';

const HeldSchema = v.array(v.object({ file: v.string(), secret: v.string(), id: v.string(), publicKey: v.string(), version: v.number() }));
type Held = v.InferOutput<typeof HeldSchema>[number];

const ReportSchema = v.object({
  handles: v.pipe(v.array(v.pipe(v.string(), v.maxLength(500))), v.maxLength(20)),
  category: v.picklist(WARN_CATEGORIES),
  story: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(4000)),
  region: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
});
const OwnSchema = v.object({
  id: v.string(),
  publisher: v.object({ publicKey: v.string(), secretKey: v.string() }),
  secret: v.string(),
  version: v.number(),
  reports: v.array(v.any() as v.GenericSchema<WarnReport>),
});
type Own = v.InferOutput<typeof OwnSchema>;

const progressItem = storage.defineItem<ListImportProgress>('session:listImportProgress');

/** An own list lives as long as a year; its reports keep their own dates. */
const OWN_LIST_DAYS = 365;

/**
 * The warning lists the person holds, while the vault is unlocked: opened, indexed, and asked
 * about handles. On lock everything here is dropped (lists, index, the tags computed so far).
 */
export class HeldLists {
  private opened = new Map<string, { list: OpenedList; own: boolean }>();
  private index = new WarnIndex();
  private tags = new Map<string, unknown>();
  private loading: Promise<void> | undefined;
  /** The person's own list as last built (its tags cost a slow hash each): what Share my reports gives. */
  private ownText: string | undefined;

  constructor(
    private readonly vault: VaultService,
    /** All of a batch's tags at once, on several cores; none: one by one here. */
    private readonly batchTagger: () => BatchTagger | undefined = backgroundTagger,
  ) {
    onIdentitiesChange((identities) => {
      if (identities === undefined) this.clear();
      else this.loading ??= this.load().catch(() => undefined);
    });
  }

  async lookupHandles(handles: NormalHandle[]): Promise<Map<NormalHandle, WarnMatch[]> | 'locked'> {
    if (!(await this.ready())) return 'locked';
    const lists = [...this.opened.values()].map((held) => held.list);
    const found = new Map<NormalHandle, WarnMatch[]>();
    if (lists.length === 0) return found;
    const tagger = this.batchTagger();
    if (tagger) {
      // Computed aside and kept only if still unlocked: a lock meanwhile drops them.
      const fresh: TagCache = new Map(this.tags as TagCache);
      await prefillTags(handles, lists, this.index, fresh, tagger);
      if ((await this.vault.status()) === 'unlocked') for (const [key, tagged] of fresh) this.tags.set(key, tagged);
    }
    for (const handle of handles) {
      const matches = await matchesFor(handle, lists, this.index, this.tags as never);
      if (matches.length > 0) found.set(handle, matches);
    }
    return found;
  }

  async checkHandle(raw: string): Promise<WarnCheckReply> {
    const handle = normalHandle(raw.trim(), { country: await personCountry() });
    if (!handle) return { ok: false, error: 'not-a-handle' };
    if (!(await this.ready())) return { ok: false, error: 'locked' };
    if (this.opened.size === 0) return { ok: false, error: 'no-lists' };
    const found = await this.lookupHandles([handle]);
    if (found === 'locked') return { ok: false, error: 'locked' };
    return { ok: true, handle, matches: found.get(handle) ?? [] };
  }

  async summaries(): Promise<ListsReply> {
    if (!(await this.ready())) return { ok: false, error: 'locked' };
    return { ok: true, lists: [...this.opened.values()].map(({ list, own }) => summaryOf(list, own)) };
  }

  /**
   * Imports a list: checked in full first (size, format, secret, signature, the publisher pinned
   * for its id, no older version than held); only then stored. A refused list changes nothing.
   */
  async importList(text: string, secret: string): Promise<ListImportReply> {
    if (!(await this.ready())) return { ok: false, error: 'locked' };
    await progressItem.setValue({ stage: 'reading', done: 0, total: 1 });
    try {
      const read = readListText(text);
      if (!read.ok) return read;
      const held = await this.heldRecords();
      await progressItem.setValue({ stage: 'opening', done: 0, total: 1 });
      const opened = await openList(read.fileText, secret.trim(), {
        onProgress: (done: number, total: number) => void progressItem.setValue({ stage: 'opening', done, total }),
      });
      if (!opened.ok) return opened;
      const { list } = opened;
      const previous = held.find((entry) => entry.id === list.id);
      if (previous && previous.publicKey !== list.publicKey) return { ok: false, error: 'publisher-changed' };
      if (previous && list.version < previous.version) return { ok: false, error: 'older-version' };
      await progressItem.setValue({ stage: 'saving', done: 0, total: 1 });
      const file = newFileKey();
      await writeListFile(file, read.fileText);
      const record: Held = { file, secret: secret.trim(), id: list.id, publicKey: list.publicKey, version: list.version };
      const next = [...held.filter((entry) => entry.id !== list.id), record];
      const saved = await this.vault.writeRecords({ [LISTS_RECORD]: JSON.stringify(next) });
      if (!saved.ok) {
        await removeListFiles([file]);
        return { ok: false, error: 'locked' };
      }
      if (previous) await removeListFiles([previous.file]);
      await progressItem.setValue({ stage: 'indexing', done: 0, total: 1 });
      this.put(list, false);
      this.tags.clear();
      return { ok: true, summary: summaryOf(list, false), added: previous ? 0 : 1, merged: previous ? 1 : 0, warnings: opened.warnings };
    } finally {
      await progressItem.setValue({ stage: 'done', done: 1, total: 1 });
    }
  }

  async removeList(id: string): Promise<ListsReply> {
    if (!(await this.ready())) return { ok: false, error: 'locked' };
    const held = await this.heldRecords();
    const gone = held.filter((entry) => entry.id === id);
    await this.vault.writeRecords({ [LISTS_RECORD]: JSON.stringify(held.filter((entry) => entry.id !== id)) });
    await removeListFiles(gone.map((entry) => entry.file));
    if (this.opened.get(id)?.own) {
      await this.vault.writeRecords({ [OWN_RECORD]: null });
      this.ownText = undefined;
    }
    this.opened.delete(id);
    this.index.remove(id);
    this.tags.clear();
    return this.summaries();
  }

  /** Adds a report to the person's own list (made on the first report), which is signed and held like any other. */
  async addReport(raw: unknown): Promise<ReportReply> {
    if (!(await this.ready())) return { ok: false, error: 'locked' };
    const parsed = v.safeParse(ReportSchema, raw);
    if (!parsed.success) return { ok: false, error: 'invalid', detail: v.summarize(parsed.issues) };
    const country = await personCountry();
    const handles = parsed.output.handles.map((handle) => normalHandle(handle.trim(), { country })).filter((h): h is string => !!h);
    const report: WarnReport = { ...parsed.output, handles, sources: 1 };
    const own = (await this.ownRecord()) ?? newOwn();
    const next: Own = { ...own, version: own.version + 1, reports: [...own.reports, report] };
    const built = await this.buildOwn(next);
    const saved = await this.vault.writeRecords({ [OWN_RECORD]: JSON.stringify(next) });
    if (!saved.ok) return { ok: false, error: 'locked' };
    this.putOwn(built);
    this.tags.clear();
    return { ok: true };
  }

  async exportOwn(): Promise<ReportExportReply> {
    if (!(await this.ready())) return { ok: false, error: 'locked' };
    const own = await this.ownRecord();
    if (!own || own.reports.length === 0) return { ok: false, error: 'nothing' };
    this.ownText ??= (await this.buildOwn(own)).text;
    const text = this.ownText;
    return { ok: true, text, armored: armorList(text), secret: own.secret, fileName: `parasol-reports-${today()}.parasol` };
  }

  private async buildOwn(own: Own): Promise<{ list: OpenedList; text: string }> {
    const text = await buildList(ownInput(own));
    const opened = await openList(text, own.secret);
    if (!opened.ok) throw new Error(`own list: ${opened.error}`);
    return { list: opened.list, text };
  }

  private putOwn({ list, text }: { list: OpenedList; text: string }): void {
    this.put(list, true);
    this.ownText = text;
  }

  private put(list: OpenedList, own: boolean): void {
    if (this.index.has(list.id)) this.index.remove(list.id);
    this.index.add(list);
    this.opened.set(list.id, { list, own });
  }

  /** Waits for the lists to load after an unlock; false while locked. */
  private async ready(): Promise<boolean> {
    const state = await this.vault.status();
    if (state !== 'unlocked') return false;
    this.loading ??= this.load().catch(() => undefined);
    await this.loading;
    return true;
  }

  private async load(): Promise<void> {
    for (const entry of await this.heldRecords()) {
      const text = await readListFile(entry.file);
      if (!text) continue;
      const opened = await openList(text, entry.secret, { pinnedKey: entry.publicKey });
      // A list that no longer opens (expired since, say) still shows once re-imported; it is skipped here.
      if (opened.ok) this.put(opened.list, false);
    }
    const own = await this.ownRecord();
    if (own && own.reports.length > 0) this.putOwn(await this.buildOwn(own));
  }

  private async heldRecords(): Promise<Held[]> {
    const read = await this.vault.readRecord(LISTS_RECORD);
    if (!read.ok || !read.text) return [];
    const parsed = v.safeParse(HeldSchema, parseJson(read.text));
    return parsed.success ? parsed.output : [];
  }

  private async ownRecord(): Promise<Own | undefined> {
    const read = await this.vault.readRecord(OWN_RECORD);
    if (!read.ok || !read.text) return undefined;
    const parsed = v.safeParse(OwnSchema, parseJson(read.text));
    return parsed.success ? parsed.output : undefined;
  }

  private clear(): void {
    this.opened.clear();
    this.index = new WarnIndex();
    this.tags.clear();
    this.loading = undefined;
    this.ownText = undefined;
  }
}

/** A record's JSON, or undefined when it does not parse (it is then read as empty, never thrown). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function newOwn(): Own {
  return { id: `own-${crypto.randomUUID()}`, publisher: generatePublisherKey(), secret: newListSecret(), version: 0, reports: [] };
}

function ownInput(own: Own) {
  const issued = today();
  const expires = new Date(Date.now() + OWN_LIST_DAYS * 86_400_000).toISOString().slice(0, 10);
  return { id: own.id, name: 'My reports', version: own.version, issued, expires, reports: own.reports, publisher: own.publisher, secret: own.secret };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

let held: HeldLists | undefined;

/** Starts the held lists for the background (once); the handlers below use them. */
export function startHeldLists(vault: VaultService): HeldLists {
  return (held ??= new HeldLists(vault));
}

export function lookupHandles(handles: NormalHandle[]): Promise<Map<NormalHandle, WarnMatch[]> | 'locked'> {
  return held ? held.lookupHandles(handles) : Promise.resolve('locked');
}

export function checkHandle(raw: string): Promise<WarnCheckReply> {
  return held ? held.checkHandle(raw) : Promise.resolve({ ok: false, error: 'locked' });
}
