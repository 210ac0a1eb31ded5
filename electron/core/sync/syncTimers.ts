/** Schedules a call; the function it returns cancels it. Tests pass one they fire by hand. */
export type SyncTimers = { after(ms: number, run: () => void): () => void };

export const realTimers: SyncTimers = {
  after(ms, run) {
    const timer = setTimeout(run, ms);
    // A sync timer alone never keeps a process (a test, a closing command line) alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
