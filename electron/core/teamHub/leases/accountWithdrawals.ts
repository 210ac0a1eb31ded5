import type { SignInChange } from '../../accounts/accountsService';
import type { HubClient } from '../../hub/hubClient';
import type { TeamKey } from '../../hub/teamKey';
import type { Logger } from '../../log/logger';
import type { SecretStore } from '../../secrets/secretStore';
import { sealAccountSecrets } from './sharedAccountSecrets';
import type { TeamAccountIds } from './teamAccountIds';

type Options = { client: HubClient; log: Logger; secrets: () => Promise<SecretStore>; teamKey: () => TeamKey; ids: TeamAccountIds };

/**
 * Tells the hub of sign-ins changed on this desktop (#14 §4): an account disconnected or
 * removed here is withdrawn for the whole team (its sealed tokens and lease deleted, no
 * teammate puts its copy back); signed in again, the withdrawal is lifted with the fresh tokens.
 * What the hub has not heard yet (it was unreachable) is kept and sent again at each lease
 * round, the latest change of an account winning.
 */
export class AccountWithdrawals {
  private readonly pending = new Map<string, SignInChange>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly options: Options) {}

  /** Remembers the change and sends it at once; resolves once the hub heard it or it was left for later. */
  note(accountId: string, change: SignInChange): Promise<void> {
    this.pending.set(accountId, change);
    return this.flush();
  }

  isPending(accountId: string, change: SignInChange): boolean {
    return this.pending.get(accountId) === change;
  }

  /** Sends what is pending, one flush at a time; a failure leaves the rest for the next. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.sendPending());
    return this.flushing;
  }

  private async sendPending(): Promise<void> {
    for (const [accountId, change] of [...this.pending]) {
      try {
        const { client, ids, teamKey } = this.options;
        const teamId = ids.teamIdOf(accountId);
        if (change === 'signedOut') await client.withdrawAccount(teamId);
        else await client.restoreAccount(teamId, await sealAccountSecrets(await this.options.secrets(), teamKey(), ids, accountId));
      } catch (error) {
        this.options.log.warn('The hub did not hear of an account signed in or out here; the next lease round tells it again.', { accountId, change, err: error });
        return;
      }
      // Changed again meanwhile: that one goes next time.
      if (this.pending.get(accountId) === change) this.pending.delete(accountId);
    }
  }
}
