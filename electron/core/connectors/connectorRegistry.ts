import { ApiFailure } from '../../../shared/api/result';
import type { Connector } from './connector';

/** Which connector serves which account. Real platform connectors register here too. */
export class ConnectorRegistry {
  private readonly byAccount = new Map<string, Connector>();

  register(accountId: string, connector: Connector): void {
    this.byAccount.set(accountId, connector);
  }

  unregister(accountId: string): void {
    this.byAccount.delete(accountId);
  }

  forAccount(accountId: string): Connector {
    const connector = this.byAccount.get(accountId);
    if (!connector) throw new ApiFailure('unavailable', `Account ${accountId} is not connected.`);
    return connector;
  }
}
