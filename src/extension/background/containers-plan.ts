import type { Identity } from '../../core/identity/schema';
import { identityForSite } from '../../core/identity/site';

/**
 * The pure part of Firefox containers for work personas: which containers to make or change, and
 * into which one a tab should move. containers.ts does the browser calls.
 */

/** A Firefox container as `contextualIdentities.query` gives it (the fields Parasol uses). */
export interface Container {
  cookieStoreId: string;
  name: string;
  color: string;
  icon: string;
}

/** The container made for each work persona, by the persona's id. */
export type ContainerLinks = Readonly<Record<string, string>>;

export interface ContainerLook {
  name: string;
  color: string;
  icon: string;
}

export interface ContainerPlan {
  create: { identityId: string; look: ContainerLook }[];
  update: { cookieStoreId: string; look: ContainerLook }[];
  /** The links still good: a persona that is gone, or a container the person removed, drops out. */
  links: Record<string, string>;
}

/** What a persona's container looks like: its label, colour and icon (the identity schema's are Firefox's own). */
export function lookOf(identity: Identity): ContainerLook {
  return { name: identity.label, color: identity.colour, icon: identity.icon };
}

/**
 * Each work persona keeps the container it was given (found again by its stored cookieStoreId, so a
 * renamed persona renames its container); one without takes a container of its label that no other
 * persona holds (one the person made, or Parasol's from before a wipe of the links), else gets a new one.
 * Containers are never removed: closing one deletes its cookies, the person's logins in it.
 */
export function planContainers(identities: readonly Identity[], existing: readonly Container[], links: ContainerLinks): ContainerPlan {
  const byStore = new Map(existing.map((container) => [container.cookieStoreId, container]));
  const personas = identities.filter((identity) => identity.kind === 'work');
  const plan: ContainerPlan = { create: [], update: [], links: {} };
  const taken = new Set<string>();
  for (const persona of personas) {
    const linked = links[persona.id];
    if (linked !== undefined && byStore.has(linked) && !taken.has(linked)) {
      plan.links[persona.id] = linked;
      taken.add(linked);
    }
  }
  for (const persona of personas) {
    const look = lookOf(persona);
    let container = plan.links[persona.id] === undefined ? undefined : byStore.get(plan.links[persona.id]!);
    if (!container) {
      container = existing.find((c) => c.name === look.name && !taken.has(c.cookieStoreId));
      if (!container) {
        plan.create.push({ identityId: persona.id, look });
        continue;
      }
      plan.links[persona.id] = container.cookieStoreId;
      taken.add(container.cookieStoreId);
    }
    if (container.name !== look.name || !sameColour(container.color, look.color) || container.icon !== look.icon) {
      plan.update.push({ cookieStoreId: container.cookieStoreId, look });
    }
  }
  return plan;
}

/**
 * Newer Firefox (the 153 ESR) renamed two container colours; it still takes the old names, which
 * the identity schema keeps so that the 140 ESR works too, but reports the new ones.
 */
const RENAMED_COLOURS: Readonly<Record<string, string>> = { turquoise: 'cyan', toolbar: 'gray' };

function sameColour(reported: string, wanted: string): boolean {
  return reported === wanted || reported === RENAMED_COLOURS[wanted];
}

/** The tab as Firefox reports it (the fields Parasol reads). */
export interface TabPlace {
  cookieStoreId?: string;
  incognito: boolean;
}

/**
 * The container a tab now at `url` belongs in, when it is not there: the one of the work persona
 * whose site it is. Undefined for private windows (left alone), pages that are not http(s), sites
 * of no persona or of the personal identity, and personas without a container yet.
 */
export function containerFor(url: string, tab: TabPlace, identities: readonly Identity[], links: ContainerLinks): string | undefined {
  if (tab.incognito) return undefined;
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    host = parsed.hostname;
  } catch {
    return undefined;
  }
  const identity = identityForSite(identities, host);
  if (identity?.kind !== 'work') return undefined;
  const target = links[identity.id];
  return target === undefined || target === tab.cookieStoreId ? undefined : target;
}

/**
 * Keeps reopening from going round in circles: should Firefox ever open the new tab outside the
 * container asked for (containers switched off in its settings), that tab would be reopened again,
 * and again. A tab Parasol opened is left alone for a while, and so is the same address for the
 * same container.
 */
export class ReopenGuard {
  private readonly recentAddresses = new Map<string, number>();
  private readonly recentTabs = new Map<number, number>();

  constructor(private readonly quietMs = 5000) {}

  /** Whether tab `tabId` at `url` may be reopened in `cookieStoreId` at time `now`; if so, it is noted. */
  allow(tabId: number, url: string, cookieStoreId: string, now: number): boolean {
    this.forgetBefore(now - this.quietMs);
    const key = `${cookieStoreId} ${url}`;
    if (this.recentTabs.has(tabId) || this.recentAddresses.has(key)) return false;
    this.recentAddresses.set(key, now);
    return true;
  }

  /** Notes a tab Parasol opened. */
  opened(tabId: number, now: number): void {
    this.recentTabs.set(tabId, now);
  }

  private forgetBefore(time: number): void {
    for (const [key, at] of this.recentAddresses) if (at < time) this.recentAddresses.delete(key);
    for (const [key, at] of this.recentTabs) if (at < time) this.recentTabs.delete(key);
  }
}
