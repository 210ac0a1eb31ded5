import type { SignInChange } from '../../accounts/accountsService';
import type { Clock } from '../../clock';
import type { HubClient } from '../../hub/hubClient';
import type { TeamKey } from '../../hub/teamKey';
import type { Logger } from '../../log/logger';
import type { SecretStore } from '../../secrets/secretStore';
import type { Db } from '../../store/database';
import { forgetSignInChange, isSignInPending, pendingSignIns, recordSignInChange } from './pendingSignIns';
import { sealAccountSecrets } from './sharedAccountSecrets';
import type { TeamAccountIds } from './teamAccountIds';

type Options = { db: Db; clock: Clock; client: HubClient; log: Logger; secrets: () => Promise<SecretStore>; teamKey: () => TeamKey; ids: TeamAccountIds };

/**
 * Tells the hub of sign-ins changed on this desktop (#14 §4): an account disconnected or
 * removed here is withdrawn for the whole team (its sealed tokens and lease deleted, no
 * teammate puts its copy back); signed in again, the withdrawal is lifted with the fresh tokens.
 * What the hub has not heard yet (it was unreachable, or the desktop quit first) waits in SQLite
 * (pendingSignIns.ts) and is sent again at each lease round, the latest change of an account winning.
 */
export class AccountWithdrawals {
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly options: Options) {}

  /** Records the change (at once, in the caller's transaction if any) and sends it; resolves once the hub heard it or it was left for later. */
  note(accountId: string, change: SignInChange): Promise<void> {
    recordSignInChange(this.options.db, accountId, change, this.options.clock());
    return this.flush();
  }

  isPending(accountId: string, change: SignInChange): boolean {
    return isSignInPending(this.options.db, accountId, change);
  }

  /** Sends what is pending, one flush at a time; a failure leaves the rest for the next. */
  flush(): Promise<void> {
    const flush = this.flushing.then(() => this.sendPending());
    // One that failed (the database closed as the desktop quit) does not stop the next.
    this.flushing = flush.catch(() => {});
    return flush;
  }

  private async sendPending(): Promise<void> {
    for (const { accountId, change } of pendingSignIns(this.options.db)) {
      try {
        const { client, ids, teamKey } = this.options;
        const teamId = ids.teamIdOf(accountId);
        if (change === 'signedOut') await client.withdrawAccount(teamId);
        else await client.restoreAccount(teamId, await sealAccountSecrets(await this.options.secrets(), teamKey(), ids, accountId));
      } catch (error) {
        this.options.log.warn('The hub did not hear of an account signed in or out here; the next lease round tells it again.', { accountId, change, err: error });
        return;
      }
      forgetSignInChange(this.options.db, accountId, change);
    }
  }
}
