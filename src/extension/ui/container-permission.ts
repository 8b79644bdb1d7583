import type Browser from 'webextension-polyfill';
import { browser } from 'wxt/browser';

/**
 * Firefox containers need two permissions. `contextualIdentities` cannot be optional in Firefox
 * (its schema extends PermissionNoPrompt, not OptionalPermission), so the Firefox manifest
 * declares it; Firefox grants it without asking. `cookies` is what lets `tabs.create` open a tab
 * in a container; it is optional, also granted without a prompt, and asked for here, when the
 * person switches the option on.
 */
export const CONTAINER_PERMISSIONS = ['cookies'] as const;

/** Whether this browser has containers at all (Firefox with the manifest's permission; never Chrome). */
export function containersAvailable(): boolean {
  return (browser as unknown as { contextualIdentities?: unknown }).contextualIdentities !== undefined;
}

/**
 * Asks for what containers need; true when Parasol may use them. Call it first thing in the click
 * handler of the option's checkbox: Firefox asks for permissions only during a person's action.
 * False in Chrome, when refused, or when containers are switched off in Firefox's settings.
 */
export async function requestContainerPermissions(): Promise<boolean> {
  if (!containersAvailable()) return false;
  try {
    if (!(await browser.permissions.request({ permissions: [...CONTAINER_PERMISSIONS] }))) return false;
    // Rejects when the person switched containers off (privacy.userContext.enabled).
    await (browser as unknown as { contextualIdentities: Browser.ContextualIdentities.Static }).contextualIdentities.query({});
    return true;
  } catch {
    return false;
  }
}
