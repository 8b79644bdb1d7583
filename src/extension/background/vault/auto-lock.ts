import { browser } from 'wxt/browser';
import { loadSettings } from '../../storage/settings';
import { onIdentitiesChange } from './unlocked-identities';
import type { VaultService } from './vault-service';

export const AUTO_LOCK_ALARM = 'parasol-auto-lock';
const ALARM = AUTO_LOCK_ALARM;

/** What auto-lock uses of the browser's idle API (absent on Firefox for Android). */
export type IdleApi = Pick<typeof browser.idle, 'setDetectionInterval' | 'onStateChanged'>;
const TOUCH_EVERY_MS = 10_000;
/** The shortest idle time the browsers' idle API detects. */
const MIN_IDLE_SECONDS = 15;

export interface AutoLock {
  /** The person used Parasol (a draft changed, a page of Parasol asked something): the clock starts again. */
  touch(): void;
}

/**
 * Locks the vault after the idle time the person picked (settings.autoLockMinutes; 0: only when
 * the browser closes, which empties storage.session and so forgets the key). Where the browser
 * tells when the computer is idle or its screen locked (the idle API), that decides; where it
 * does not (Firefox for Android), an alarm counts from the last use of Parasol. Alarms and idle
 * events wake a stopped service worker, so the lock happens even then.
 */
export function startAutoLock(vault: Pick<VaultService, 'lock'>, idle: IdleApi | null = browser.idle ?? null): AutoLock {
  let minutes = 0;
  let unlocked = false;
  let armedAt = 0;

  const arm = () => {
    armedAt = Date.now();
    if (idle?.setDetectionInterval) idle.setDetectionInterval(Math.max(MIN_IDLE_SECONDS, minutes * 60));
    else if (unlocked && minutes > 0) void browser.alarms.create(ALARM, { delayInMinutes: minutes });
    if (!unlocked || minutes === 0) void browser.alarms.clear(ALARM);
  };
  const refresh = async () => {
    minutes = (await loadSettings()).autoLockMinutes;
    arm();
  };

  onIdentitiesChange((identities) => {
    unlocked = identities !== undefined;
    arm();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void refresh();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void vault.lock();
  });
  idle?.onStateChanged.addListener((state) => {
    if (state !== 'active' && minutes > 0) void vault.lock();
  });
  void refresh();

  return {
    touch() {
      // Every message counts as use, a draft's every pause in typing too: the alarm (whole
      // minutes) is set again at most every few seconds, not once per message.
      if (!idle?.setDetectionInterval && unlocked && minutes > 0 && Date.now() - armedAt > TOUCH_EVERY_MS) arm();
    },
  };
}
