import type { accountsContract } from '../../../../shared/api/accounts';
import { codeFromPasted } from '../../../../shared/domain/oauthCode';
import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import type { AccountsService } from '../../accounts/accountsService';
import { connectRedditScript } from '../../accounts/redditScriptAccounts';
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
      accounts.cancelSignIn(signInId);
      return null;
    },
    'accounts.platformApps': () => {
      const oauth = accounts.oauth();
      return accounts.apps.list((platform) => (accounts.canConnect(platform) ? oauth.redirectUri(platform) : null));
    },
    // The redirect address first: a platform this build cannot connect is refused before anything is saved.
    'accounts.setPlatformApp': async (input) => {
      const redirectUri = accounts.oauth().redirectUri(input.platform);
      await accounts.apps.set(input);
      return accounts.apps.view(input.platform, redirectUri);
    },
    'accounts.startOAuth': ({ platform }) => accounts.oauth().start(platform),
    'accounts.finishOAuth': async ({ signInId, code }) => accounts.connectAll(await accounts.oauth().finish(signInId, code === undefined ? undefined : codeFromPasted(code))),
    'accounts.connectRedditScript': (credentials) => connectRedditScript(accounts, credentials),
    'accounts.setMonthlyBudget': ({ id, usd }) => accounts.setMonthlyBudget(id, usd),
    'accounts.check': ({ id }) => accounts.check(id),
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
