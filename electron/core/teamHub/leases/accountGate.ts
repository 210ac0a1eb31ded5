/**
 * Whether this desktop may work an account now: poll it (the sync engine) and send its replies
 * (the outbox worker). In a team, only the desktop holding the account's lease on the hub may
 * (issue #14 §2); alone, every account is this desktop's.
 */
export type AccountGate = { mayWork(accountId: string): boolean };

/** Local-only: nothing changes for one person. */
export const EVERY_ACCOUNT: AccountGate = { mayWork: () => true };

/**
 * In a team, until the leases are known (the hub not reached yet): another desktop may hold any
 * account, so this one works none, and leaves the others' unsettled sends alone. Followed from
 * the session's start, before the outbox recovers what a crash left.
 */
export const NO_ACCOUNT: AccountGate = { mayWork: () => false };

/**
 * The gate a session is built with, before any team is known: every account until the team hub
 * points it at the leases it holds (`follow`), and again once it stops (`follow(EVERY_ACCOUNT)`).
 * Whoever changes the answers calls `changed()`, and the sync engine and outbox act on it at once.
 */
export class SwitchableAccountGate implements AccountGate {
  private current: AccountGate = EVERY_ACCOUNT;
  private readonly listeners = new Set<() => void>();

  mayWork(accountId: string): boolean {
    return this.current.mayWork(accountId);
  }

  follow(gate: AccountGate): void {
    this.current = gate;
    this.changed();
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
