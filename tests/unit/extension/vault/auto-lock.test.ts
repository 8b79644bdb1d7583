import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { AUTO_LOCK_ALARM, startAutoLock, type IdleApi } from '../../../../src/extension/background/vault/auto-lock';
import { setUnlockedIdentities } from '../../../../src/extension/background/vault/unlocked-identities';
import { saveSettings } from '../../../../src/extension/storage/settings';

/** A stand-in for the idle API, which no browser lets a test drive (it follows the real keyboard and screen lock). */
function idleApi() {
  const listeners: ((state: 'active' | 'idle' | 'locked') => void)[] = [];
  const intervals: number[] = [];
  const api = {
    setDetectionInterval: (seconds: number) => void intervals.push(seconds),
    onStateChanged: { addListener: (listener: (state: 'active' | 'idle' | 'locked') => void) => void listeners.push(listener) },
  } as unknown as IdleApi;
  return { api, intervals, become: (state: 'active' | 'idle' | 'locked') => listeners.forEach((listener) => listener(state)) };
}

function vault() {
  const calls = { locks: 0 };
  return { calls, lock: async () => void calls.locks++ };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('auto-lock', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setUnlockedIdentities(undefined);
  });

  it('with the idle API: locks when the computer goes idle or its screen locks, after the chosen minutes', async () => {
    await saveSettings({ autoLockMinutes: 5 });
    const idle = idleApi();
    const target = vault();
    startAutoLock(target, idle.api);
    await settle();
    setUnlockedIdentities([]);
    expect(idle.intervals.at(-1)).toBe(300);
    idle.become('active');
    expect(target.calls.locks).toBe(0);
    idle.become('idle');
    idle.become('locked');
    expect(target.calls.locks).toBe(2);
  });

  it('with 0 ("only when the browser closes"), never locks on idle', async () => {
    await saveSettings({ autoLockMinutes: 0 });
    const idle = idleApi();
    const target = vault();
    startAutoLock(target, idle.api);
    await settle();
    idle.become('locked');
    expect(target.calls.locks).toBe(0);
  });

  it('without the idle API (Firefox for Android): an alarm counts from the last use, and locks when it rings', async () => {
    await saveSettings({ autoLockMinutes: 15 });
    const target = vault();
    const autoLock = startAutoLock(target, null);
    await settle();
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeFalsy();
    setUnlockedIdentities([]);
    await settle();
    const alarm = await fakeBrowser.alarms.get(AUTO_LOCK_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 14 * 60_000);
    autoLock.touch();
    await fakeBrowser.alarms.onAlarm.trigger({ name: AUTO_LOCK_ALARM, scheduledTime: Date.now() });
    expect(target.calls.locks).toBe(1);
    setUnlockedIdentities(undefined);
    await settle();
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeFalsy();
  });
});
