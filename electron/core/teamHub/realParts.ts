import type { AccountsService } from '../accounts/accountsService';
import type { Logger } from '../log/logger';
import { EVERY_ACCOUNT, NO_ACCOUNT, type SwitchableAccountGate } from './leases/accountGate';
import { LeaseKeeper } from './leases/leaseKeeper';
import { recordSignInChange } from './leases/pendingSignIns';
import { PresenceChannel } from './presence/presenceChannel';
import { captureSnapshot, startCapture } from './sync/startCapture';
import { TeamSync } from './sync/teamSync';
import type { TeamParts } from './teamParts';

type Composition = { log: Logger; gate: SwitchableAccountGate; accounts: AccountsService };

/**
 * The team hub's real parts, chosen at the composition root. While a membership is active the
 * account gate follows the leases: nothing is polled or sent before the hub says this desktop
 * holds the account (a desktop starting offline must not poll what a teammate polls), and
 * everything again once the membership ends (leave, removal).
 */
export function realTeamParts({ log, gate, accounts }: Composition): TeamParts {
  // The keeper of the membership while the hub has answered once; null before (offline at start).
  let keeper: LeaseKeeper | null = null;
  return {
    startCapture: (db, options) => {
      gate.follow(NO_ACCOUNT);
      const capture = startCapture(db, options);
      // From the membership's start, offline included: a sign-in given or taken away here is kept
      // in the caller's transaction, and reaches the team through the keeper once it runs.
      const unfollowSignIns = accounts.onSignInChanged((accountId, change) =>
        keeper ? void keeper.signInChanged(accountId, change) : recordSignInChange(db, accountId, change, options.now()),
      );
      return {
        stop: () => {
          unfollowSignIns();
          capture.stop();
          gate.follow(EVERY_ACCOUNT);
        },
      };
    },
    captureSnapshot: (db) => {
      captureSnapshot(db);
    },
    newSync: (options) => new TeamSync(options),
    newLeases: (options) => {
      const leases = new LeaseKeeper({
        ...options,
        onChange: () => {
          gate.changed();
          options.onChange();
        },
        onSecretsAdopted: (accountId) => accounts.reconnectWithStoredSecret(accountId),
        onWithdrawnElsewhere: (accountId, byName) => accounts.withdrawnByTeammate(accountId, byName),
      });
      return {
        start: () => {
          gate.follow(leases);
          keeper = leases;
          leases.start();
        },
        holds: (accountId) => leases.holds(accountId),
        leases: () => leases.leases(),
        stop: () => {
          if (keeper === leases) keeper = null;
          return leases.stop();
        },
      };
    },
    openPresence: (options) => PresenceChannel.open({ ...options, log }),
  };
}
