import { ApiFailure } from '../../../../shared/api/result';
import type { accountsContract } from '../../../../shared/api/accounts';
import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import type { AccountsService } from '../../accounts/accountsService';
import { backfillDays, dismissWelcome, setBackfillDays, shouldWelcome } from '../../accounts/accountsSettings';

const waveTwoPending = (): never => {
  throw new ApiFailure('unavailable', 'This build cannot connect this platform yet.');
};

type AccountMethods = keyof typeof accountsContract;

export function accountsHandlers(ctx: CoreContext, accounts: AccountsService): Pick<Handlers, AccountMethods> {
  return {
    'accounts.list': () => accounts.list(),
    'accounts.connectBluesky': (input) => accounts.connectBluesky(input),
    'accounts.startMastodon': ({ server }) => accounts.mastodon().start(server),
    'accounts.finishMastodon': async ({ signInId, code }) => accounts.connect(await accounts.mastodon().finish(signInId, code)),
    'accounts.finishMastodonCode': async ({ server, code }) => accounts.connect(await accounts.mastodon().finishOutOfBand(server, code)),
    'accounts.cancelSignIn': ({ signInId }) => {
      accounts.mastodon().cancel(signInId);
      return null;
    },
    // Wave-2 sign-ins: built in this session's accounts part; until then they answer "unavailable".
    'accounts.platformApps': () => waveTwoPending(),
    'accounts.setPlatformApp': () => waveTwoPending(),
    'accounts.startOAuth': () => waveTwoPending(),
    'accounts.finishOAuth': () => waveTwoPending(),
    'accounts.setMonthlyBudget': () => waveTwoPending(),
    'accounts.check': () => waveTwoPending(),
    'accounts.pause': ({ id }) => accounts.pause(id),
    'accounts.resume': ({ id }) => accounts.resume(id),
    'accounts.syncNow': ({ id }) => accounts.syncNow(id),
    'accounts.setSyncInterval': ({ id, ms }) => accounts.setSyncInterval(id, ms),
    'accounts.disconnect': async ({ id, keepHistory }) => {
      await accounts.disconnect(id, keepHistory);
      return null;
    },
    'accounts.settings': () => ({ backfillDays: backfillDays(ctx.db) }),
    'accounts.updateSettings': ({ backfillDays: days }) => {
      setBackfillDays(ctx.db, days);
      return { backfillDays: days };
    },
    'accounts.welcome': () => ({ show: shouldWelcome(ctx.db) }),
    'accounts.dismissWelcome': () => {
      dismissWelcome(ctx.db, ctx.clock());
      return null;
    },
  };
}
