import type { ServerResponse } from 'node:http';

/** Counts requests still being answered so shutdown can let in-flight turns finish. */
export class InFlightTracker {
  private count = 0;
  private waiters: Array<() => void> = [];

  track(res: ServerResponse): void {
    this.count++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.count--;
      if (this.count === 0) this.waiters.splice(0).forEach((wake) => wake());
    };
    res.once('finish', finish);
    res.once('close', finish);
  }

  get active(): number {
    return this.count;
  }

  /** Resolves when nothing is in flight, or after `timeoutMs` whichever comes first. */
  drained(timeoutMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
