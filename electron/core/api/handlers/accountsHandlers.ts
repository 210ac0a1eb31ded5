import type { accountsContract } from '../../../../shared/api/accounts';
import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import type { AccountsService } from '../../accounts/accountsService';
import { backfillDays, dismissWelcome, setBackfillDays, shouldWelcome } from '../../accounts/accountsSettings';

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
