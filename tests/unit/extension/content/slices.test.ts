import { describe, expect, it } from 'vitest';
import { SLICE_MS, clockTimeUp, idleSlices } from '../../../../src/extension/content/slices';

/** A window whose idle callbacks and background tasks the test runs, with the deadline it chooses. */
function testWindow({ postTask = true } = {}) {
  const idle = new Map<number, (deadline: IdleDeadline) => void>();
  const tasks: (() => void)[] = [];
  let nextHandle = 1;
  return {
    requestIdleCallback(callback: (deadline: IdleDeadline) => void) {
      idle.set(nextHandle, callback);
      return nextHandle++;
    },
    cancelIdleCallback(handle: number) {
      idle.delete(handle);
    },
    scheduler: postTask
      ? {
          postTask(callback: () => void, options?: { priority?: string }) {
            expect(options?.priority).toBe('background');
            tasks.push(callback);
            return Promise.resolve();
          },
        }
      : undefined,
    get idleWaiting() {
      return idle.size;
    },
    get tasksWaiting() {
      return tasks.length;
    },
    runIdle(timeRemaining: number, didTimeout = false) {
      const [handle, callback] = [...idle][0]!;
      idle.delete(handle);
      callback({ didTimeout, timeRemaining: () => timeRemaining });
    },
    runTask() {
      tasks.shift()!();
    },
  };
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** A slice that keeps busy until its time is up; the work is done after `count` slices. */
function busySlices(count: number) {
  let slices = 0;
  return (timeUp: () => boolean) => {
    while (!timeUp()) {
      /* busy */
    }
    return ++slices === count;
  };
}

describe('idleSlices: work a few milliseconds at a time', () => {
  it('starts in idle time, never takes all of a long idle period, and goes on in background tasks', () => {
    const win = testWindow();
    let done = false;
    idleSlices(win)(busySlices(3), () => (done = true));
    expect(win.idleWaiting).toBe(1);
    const lengths = [timed(() => win.runIdle(49))];
    expect(win.idleWaiting).toBe(0);
    expect(win.tasksWaiting).toBe(1);
    lengths.push(timed(() => win.runTask()));
    expect(done).toBe(false);
    lengths.push(timed(() => win.runTask()));
    expect(done).toBe(true);
    expect(win.tasksWaiting).toBe(0);
    for (const length of lengths) {
      expect(length).toBeGreaterThanOrEqual(SLICE_MS);
      expect(length).toBeLessThan(SLICE_MS + 20); // loose: the machine running the test may be busy
    }
  });

  it('keeps a slice short when the idle period is short, and runs one anyway on a page never idle', () => {
    const win = testWindow();
    idleSlices(win)(busySlices(1));
    const sliver = timed(() => win.runIdle(0.5));
    expect(sliver).toBeGreaterThanOrEqual(2);
    expect(sliver).toBeLessThan(SLICE_MS);
    idleSlices(win)(busySlices(1));
    expect(timed(() => win.runIdle(0, true))).toBeGreaterThanOrEqual(SLICE_MS);
  });

  it('can be cancelled before its next slice', () => {
    const win = testWindow();
    let ran = 0;
    const cancel = idleSlices(win)(() => (++ran, false));
    cancel();
    expect(win.idleWaiting).toBe(0);
    const again = idleSlices(win)(() => (++ran, false));
    win.runIdle(10);
    again();
    win.runTask();
    expect(ran).toBe(1);
  });

  it('ends the work of a slice that throws, so later work can start', () => {
    const win = testWindow();
    let ended = false;
    idleSlices(win)(
      () => {
        throw new Error('broken');
      },
      () => (ended = true),
    );
    expect(() => win.runIdle(10)).toThrow('broken');
    expect(ended).toBe(true);
    expect(win.tasksWaiting).toBe(0);
  });

  it('uses plain tasks where the browser has neither idle callbacks nor a task scheduler', async () => {
    const order: string[] = [];
    let slices = 0;
    await new Promise<void>((resolve) => {
      idleSlices({})(
        () => (order.push('slice'), ++slices === 2),
        () => resolve(),
      );
      order.push('sync');
    });
    expect(order).toEqual(['sync', 'slice', 'slice']);
  });

  it('goes on in plain tasks after an idle start where there is no task scheduler', async () => {
    const win = testWindow({ postTask: false });
    const finished = new Promise<void>((resolve) => idleSlices(win)(busySlices(2), resolve));
    win.runIdle(10);
    expect(win.tasksWaiting).toBe(0);
    await finished;
  });
});

describe('clockTimeUp', () => {
  it('turns true once the budget is spent, reading the clock only every few steps', () => {
    let steps = 0;
    const took = timed(() => {
      const timeUp = clockTimeUp(3);
      while (!timeUp()) steps++;
    });
    expect(took).toBeGreaterThanOrEqual(3);
    expect((steps + 1) % 16).toBe(0);
  });
});
