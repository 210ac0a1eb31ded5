import type { SyncTimers } from '../sync/syncTimers';

type Pending = { ms: number; run: () => void; isCancelled: boolean };

/** Timers that fire only when the test says: what the sync engine scheduled, and after how long, is there to read. */
export class ManualTimers implements SyncTimers {
  private pending: Pending[] = [];

  after(ms: number, run: () => void): () => void {
    const timer: Pending = { ms, run, isCancelled: false };
    this.pending.push(timer);
    return () => {
      timer.isCancelled = true;
    };
  }

  /** The delays of the timers still waiting, in the order they were set. */
  scheduled(): number[] {
    return this.live().map((timer) => timer.ms);
  }

  /** Fires every timer still waiting (those set meanwhile wait for the next call). */
  fireAll(): void {
    const due = this.live();
    this.pending = [];
    due.forEach((timer) => timer.run());
  }

  private live(): Pending[] {
    this.pending = this.pending.filter((timer) => !timer.isCancelled);
    return this.pending;
  }
}
