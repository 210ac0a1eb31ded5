import { ApiFailure } from '../../../shared/api/result';
import type { Connector } from './connector';

type RefusedListener = (accountId: string, message: string) => void;

/** Which connector serves which account: one per connected account, demo included. */
export class ConnectorRegistry {
  private readonly byAccount = new Map<string, Connector>();
  private readonly listeners = new Set<() => void>();
  private readonly refusedListeners = new Set<RefusedListener>();

  register(accountId: string, connector: Connector): void {
    this.byAccount.get(accountId)?.close();
    this.byAccount.set(accountId, connector);
    this.listeners.forEach((listener) => listener());
  }

  /** Called whenever an account connects: what waited for it (the outbox) can go on. */
  onRegister(listener: () => void): void {
    this.listeners.add(listener);
  }

  unregister(accountId: string): void {
    this.byAccount.get(accountId)?.close();
    this.byAccount.delete(accountId);
  }

  /**
   * The platform refused the account's token (a ConnectorError of kind `auth`), from whichever
   * call met it: the connector goes, and the accounts service marks the account as needing to be
   * reconnected. What waits for it (sync, outbox) waits until it registers again.
   */
  reportRefused(accountId: string, message: string): void {
    this.unregister(accountId);
    this.refusedListeners.forEach((listener) => listener(accountId, message));
  }

  onRefused(listener: RefusedListener): void {
    this.refusedListeners.add(listener);
  }

  connectedAccountIds(): string[] {
    return [...this.byAccount.keys()];
  }

  find(accountId: string): Connector | undefined {
    return this.byAccount.get(accountId);
  }

  forAccount(accountId: string): Connector {
    const connector = this.find(accountId);
    if (!connector) throw new ApiFailure('unavailable', `Account ${accountId} is not connected.`);
    return connector;
  }

  /** The core closes: every connector ends its timers and sockets. */
  closeAll(): void {
    for (const accountId of [...this.byAccount.keys()]) this.unregister(accountId);
  }
}
