import type { AccountView } from '../../../../shared/api/accounts';
import { SYNC_INTERVAL_MS, type accountsContract } from '../../../../shared/api/accounts';
import { ApiFailure } from '../../../../shared/api/result';
import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import { listAccounts } from '../../store/accounts';

type AccountMethods = keyof typeof accountsContract;

// Wave 1 of real accounts lands in steps: until the accounts service is in, the demo's accounts
// are listed as connected and every other method says it is not there yet.
const notYet = (): never => {
  throw new ApiFailure('unavailable', 'Connecting accounts is not available in this build yet.');
};

export function accountsHandlers(ctx: CoreContext): Pick<Handlers, AccountMethods> {
  return {
    'accounts.list': () =>
      listAccounts(ctx.db).map(
        (account): AccountView => ({
          ...account,
          server: null,
          state: 'connected',
          backfillProgress: null,
          resumesAt: null,
          lastSyncAt: null,
          lastProblem: null,
          syncIntervalMs: SYNC_INTERVAL_MS.default,
        }),
      ),
    'accounts.connectBluesky': notYet,
    'accounts.startMastodon': notYet,
    'accounts.finishMastodon': notYet,
    'accounts.cancelSignIn': notYet,
    'accounts.pause': notYet,
    'accounts.resume': notYet,
    'accounts.syncNow': notYet,
    'accounts.setSyncInterval': notYet,
    'accounts.disconnect': notYet,
    'accounts.settings': notYet,
    'accounts.welcome': notYet,
    'accounts.dismissWelcome': notYet,
    'accounts.updateSettings': notYet,
  };
}
