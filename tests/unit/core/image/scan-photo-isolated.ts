// scanPhoto run in another process with a deadline: a hang or a crash fails the one file, not
// the test run. A child process (not a worker thread) because Node 20 does not apply tsx's
// loader to worker threads.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PhotoReport } from '../../../../src/core/image/photo-report';

export interface IsolatedResult {
  report?: PhotoReport;
  thrown?: string;
  timedOut?: boolean;
  exited?: boolean;
  ms: number;
}

const WORKER = fileURLToPath(new URL('./scan-photo-worker.ts', import.meta.url));

export class IsolatedScanner {
  private child = this.start();

  private start(): ChildProcess {
    return fork(WORKER, { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: 'ignore' });
  }

  /** Loads the scanner (and its gazetteer) before any file is timed. */
  async warmUp(bytes: Uint8Array): Promise<void> {
    await this.scan(bytes, 60_000);
  }

  scan(bytes: Uint8Array, deadlineMs: number): Promise<IsolatedResult> {
    const started = performance.now();
    const child = this.child;
    return new Promise((resolve) => {
      const done = (result: Omit<IsolatedResult, 'ms'>) => {
        clearTimeout(timer);
        child.removeAllListeners('message');
        child.removeAllListeners('exit');
        resolve({ ...result, ms: performance.now() - started });
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        this.child = this.start(); // later files get a fresh process
        done({ timedOut: true });
      }, deadlineMs);
      child.once('message', (answer) => done(answer as Omit<IsolatedResult, 'ms'>));
      child.once('exit', () => {
        this.child = this.start();
        done({ exited: true });
      });
      child.send(bytes);
    });
  }

  close(): void {
    this.child.removeAllListeners('exit');
    this.child.kill();
  }
}
