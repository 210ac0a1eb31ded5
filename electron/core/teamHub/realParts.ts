import type { AccountsService } from '../accounts/accountsService';
import type { Logger } from '../log/logger';
import { EVERY_ACCOUNT, NO_ACCOUNT, type SwitchableAccountGate } from './leases/accountGate';
import { LeaseKeeper } from './leases/leaseKeeper';
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
  return {
    startCapture: (db, options) => {
      gate.follow(NO_ACCOUNT);
      const capture = startCapture(db, options);
      return {
        stop: () => {
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
      const keeper = new LeaseKeeper({
        ...options,
        onChange: () => {
          gate.changed();
          options.onChange();
        },
        onSecretsAdopted: (accountId) => accounts.reconnectWithStoredSecret(accountId),
      });
      // A sign-in given or taken away here reaches the team through the keeper's hub connection.
      let unfollowSignIns = () => {};
      return {
        start: () => {
          gate.follow(keeper);
          unfollowSignIns = accounts.onSignInChanged((accountId, change) => void keeper.signInChanged(accountId, change));
          keeper.start();
        },
        holds: (accountId) => keeper.holds(accountId),
        leases: () => keeper.leases(),
        stop: () => {
          unfollowSignIns();
          return keeper.stop();
        },
      };
    },
    openPresence: (options) => PresenceChannel.open({ ...options, log }),
  };
}
