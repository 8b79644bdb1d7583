/**
 * Work done a few milliseconds at a time, so that none of the content script's tasks comes near
 * the 50 ms at which a page feels stuck, however large the draft and however slow the machine:
 * each slice stops on the clock, not after a count.
 */

/** The longest slice: well under 50 ms with room for the browser's own work in the same task. */
export const SLICE_MS = 8;
/** Idle periods can be a sliver at the end of a frame; a slice that short still moves on. */
const MIN_SLICE_MS = 2;
/** A busy page may never be idle: the first slice then runs anyway after this wait. */
const IDLE_TIMEOUT_MS = 300;
/** The clock is read every few steps only: a step is a microsecond or so. */
const STEPS_PER_CLOCK_READ = 16;

/** One slice of some work: does steps until `timeUp()` says so; true once the work is all done. */
export type Slice = (timeUp: () => boolean) => boolean;

/** Runs `slice` again and again, a slice per task, until it returns true; returns a cancel function. */
export type RunInSlices = (slice: Slice, onDone?: () => void) => () => void;

export interface SliceWindow {
  requestIdleCallback?: (callback: (deadline: IdleDeadline) => void, options?: IdleRequestOptions) => number;
  cancelIdleCallback?: (handle: number) => void;
  scheduler?: { postTask?: (callback: () => void, options?: { priority?: string }) => Promise<unknown> };
}

/**
 * Starts work in `win`'s next idle moment, then goes on in background-priority tasks
 * (`scheduler.postTask`, or plain tasks where there is none): an idle callback asked for during
 * an idle period only runs in the next one, up to 50 ms later, and a walk over a large draft
 * that took that long per slice would be overtaken by the next keystroke, again and again.
 */
export function idleSlices(win: SliceWindow): RunInSlices {
  const idle = typeof win.requestIdleCallback === 'function';
  const scheduler = win.scheduler;
  const postTask = typeof scheduler?.postTask === 'function' ? scheduler.postTask.bind(scheduler) : undefined;
  return (slice, onDone) => {
    let cancelled = false;
    let idleHandle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = (deadline?: IdleDeadline) => {
      idleHandle = timer = undefined;
      if (cancelled) return;
      // Idle time is up to 50 ms when the page does nothing; a slice never takes all of it.
      const budget =
        deadline && !deadline.didTimeout
          ? Math.min(SLICE_MS, Math.max(MIN_SLICE_MS, deadline.timeRemaining()))
          : SLICE_MS;
      let finished = true;
      try {
        finished = slice(clockTimeUp(budget));
      } finally {
        // A slice that threw ends its work, so the next piece of work can start afresh.
        if (finished) onDone?.();
        else goOn();
      }
    };
    const goOn = () => {
      if (postTask) void postTask(() => run(), { priority: 'background' });
      else timer = setTimeout(run, 0);
    };
    if (idle) idleHandle = win.requestIdleCallback!(run, { timeout: IDLE_TIMEOUT_MS });
    else timer = setTimeout(run, 0);
    return () => {
      cancelled = true;
      if (idleHandle !== undefined) win.cancelIdleCallback?.(idleHandle);
      if (timer !== undefined) clearTimeout(timer);
    };
  };
}

/** A `timeUp` that turns true `budget` ms from now. */
export function clockTimeUp(budget: number): () => boolean {
  const end = performance.now() + budget;
  let steps = 0;
  return () => ++steps % STEPS_PER_CLOCK_READ === 0 && performance.now() >= end;
}
