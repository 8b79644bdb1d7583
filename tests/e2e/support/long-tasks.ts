import type { BrowserContext, Page } from 'playwright-core';

/** A main-thread task of 50 ms or more, as the page's Long Tasks API reports it. */
export interface LongTask {
  /** Milliseconds since the page's time origin (`performance.now()`). */
  start: number;
  duration: number;
}

type Recorder = { __benchLongTasks?: LongTask[] };

/**
 * Records every long task of every page in `context`, from before the page's own scripts run.
 * Call before opening the pages; read with `longTasksBetween`.
 */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __benchLongTasks: typeof tasks }).__benchLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
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
