import * as v from 'valibot';
import { IdentitiesSchema, IdentitySchema, type Identity } from './schema';

/**
 * Identities as they are stored: a version, so data written by an older Parasol is brought up
 * to date by the migrations in order, and data from a newer one is refused rather than damaged.
 */
export interface StoredIdentities {
  version: number;
  identities: Identity[];
}

/** One step from `from` to `from + 1`; it gets data already checked to be an object. */
export interface Migration {
  from: number;
  up(data: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Oldest first. Version 0 is a bare list of identities with no version around it (what a store
 * holds if it was written before versions existed, or by hand); version 1 wraps it.
 */
export const IDENTITY_MIGRATIONS: readonly Migration[] = [{ from: 0, up: (data) => ({ version: 1, identities: data.list }) }];

export const IDENTITIES_VERSION = IDENTITY_MIGRATIONS.length;

export type ReadIdentities =
  | { ok: true; value: StoredIdentities; migrated: boolean }
  /** `detail`: the validator's words, for logs; `field`: which field of an identity was refused, for people. */
  | { ok: false; problem: 'too-new' | 'invalid'; detail?: string; field?: keyof Identity };

const Current = v.object({ version: v.literal(IDENTITIES_VERSION), identities: IdentitiesSchema });

/** Reads stored identities of any known version: migrated, then checked in full. */
export function readIdentities(stored: unknown): ReadIdentities {
  let data: Record<string, unknown>;
  if (Array.isArray(stored)) data = { version: 0, list: stored };
  else if (stored && typeof stored === 'object') data = { ...(stored as Record<string, unknown>) };
  else return { ok: false, problem: 'invalid', detail: 'not an object' };

  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return { ok: false, problem: 'invalid', detail: 'no version' };
  if (version > IDENTITIES_VERSION) return { ok: false, problem: 'too-new' };
  for (const migration of IDENTITY_MIGRATIONS) {
    if (migration.from === data.version) data = migration.up(data);
  }
  const parsed = v.safeParse(Current, data);
  if (!parsed.success) {
    const field = refusedField(parsed.issues[0]);
    return { ok: false, problem: 'invalid', detail: v.summarize(parsed.issues), ...(field ? { field } : {}) };
  }
  return { ok: true, value: parsed.output, migrated: version !== IDENTITIES_VERSION };
}

/** The identity field an issue is about: its path is identities → index → field. */
function refusedField(issue: v.BaseIssue<unknown> | undefined): keyof Identity | undefined {
  const key = issue?.path?.[2]?.key;
  return typeof key === 'string' && key in IdentitySchema.entries ? (key as keyof Identity) : undefined;
}

/** What is written to storage: always the current version, checked as it would be read back. */
export function storedIdentities(identities: readonly Identity[]): StoredIdentities {
  return { version: IDENTITIES_VERSION, identities: v.parse(IdentitiesSchema, identities) };
}
