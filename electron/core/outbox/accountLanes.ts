/**
 * One lane of runs per account: an account's runs never overlap, each starting once the one
 * before it ends, while different accounts' runs go side by side, so a hung platform holds only
 * its own account. A run asked for while one is in progress is served by a fresh run after it
 * (joined by later asks until it starts), so nothing made due meanwhile is missed.
 */
export class AccountLanes {
  /** Each busy account's latest run. */
  private readonly lanes = new Map<string, Promise<void>>();
  /** A run asked for while another ran, not started yet. */
  private readonly nextRuns = new Map<string, Promise<void>>();

  constructor(
    private readonly work: (accountId: string) => Promise<void>,
    /** An account's lane has nothing more to run. */
    private readonly onIdle: () => void,
  ) {}

  isBusy(accountId: string): boolean {
    return this.lanes.has(accountId);
  }

  run(accountId: string): Promise<void> {
    const waiting = this.nextRuns.get(accountId);
    if (waiting) return waiting;
    const current = this.lanes.get(accountId);
    // A failed run was reported to whoever awaited it; the next one starts regardless.
    const run = (current?.catch(() => undefined) ?? Promise.resolve()).then(() => {
      if (this.nextRuns.get(accountId) === settled) this.nextRuns.delete(accountId);
      return this.work(accountId);
    });
    const settled: Promise<void> = run.finally(() => {
      if (this.lanes.get(accountId) !== settled) return;
      this.lanes.delete(accountId);
      this.onIdle();
    });
    this.lanes.set(accountId, settled);
    if (current) this.nextRuns.set(accountId, settled);
    return settled;
  }
}
