import type { BrowserContext, Page } from 'playwright-core';

/** A main-thread task of 50 ms or more, as the page's Long Tasks API reports it. */
export interface LongTask {
  /** Milliseconds since the page's time origin (`performance.now()`). */
  start: number;
  duration: number;
}

/**
 * A script that ran 5 ms or more inside a long animation frame (Chromium's Long Animation Frames
 * API): it names the file and the event that ran it, which long tasks do not.
 */
export interface SlowScript {
  start: number;
  duration: number;
  sourceURL: string;
  invoker: string;
}

type Recorder = { __benchLongTasks?: LongTask[]; __benchSlowScripts?: SlowScript[] };

/**
 * Records every long task of every page in `context`, from before the page's own scripts run.
 * Call before opening the pages; read with `longTasksBetween`.
 */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    const scripts: { start: number; duration: number; sourceURL: string; invoker: string }[] = [];
    Object.assign(window, { __benchLongTasks: tasks, __benchSlowScripts: scripts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return;
    type FrameScript = { startTime: number; duration: number; sourceURL: string; invoker: string };
    new PerformanceObserver((list) => {
      for (const frame of list.getEntries() as unknown as { scripts: FrameScript[] }[]) {
        for (const script of frame.scripts) {
          if (script.duration >= 5) scripts.push({ start: script.startTime, duration: script.duration, sourceURL: script.sourceURL, invoker: script.invoker });
        }
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
}

/** The page's clock, to mark the start and end of a measured stretch. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Long tasks that started in [from, to): work before `from` (such as filling the page) is left out. */
export async function longTasksBetween(page: Page, from: number, to = Infinity): Promise<LongTask[]> {
  const tasks = await page.evaluate(() => (window as unknown as Recorder).__benchLongTasks ?? null);
  if (tasks === null) throw new Error('Long tasks are not recorded in this page: call recordLongTasks(context) before opening it');
  return tasks.filter((task) => task.start >= from && task.start < to);
}

/** Scripts that ran 5 ms or more in [from, to), longest first; empty where the browser lacks the API. */
export async function slowScriptsBetween(page: Page, from: number, to = Infinity): Promise<SlowScript[]> {
  const scripts = await page.evaluate(() => (window as unknown as Recorder).__benchSlowScripts ?? []);
  return scripts.filter((script) => script.start >= from && script.start < to).sort((a, b) => b.duration - a.duration);
}
