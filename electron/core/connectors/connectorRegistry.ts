import { ApiFailure } from '../../../shared/api/result';
import type { Connector } from './connector';

/** Which connector serves which account. Real platform connectors register here too. */
export class ConnectorRegistry {
  private readonly byAccount = new Map<string, Connector>();
  private readonly listeners = new Set<() => void>();

  register(accountId: string, connector: Connector): void {
    this.byAccount.set(accountId, connector);
    this.listeners.forEach((listener) => listener());
  }

  /** Called whenever an account connects: what waited for it (the outbox) can go on. */
  onRegister(listener: () => void): void {
    this.listeners.add(listener);
  }

  unregister(accountId: string): void {
    this.byAccount.delete(accountId);
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
}
