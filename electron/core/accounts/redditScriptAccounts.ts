import type { AccountView } from '../../../shared/api/accounts';
import { ApiFailure } from '../../../shared/api/result';
import { ConnectorError } from '../connectors/connector';
import { signInRefusal } from '../connectors/oauth/oauthSignIns';
import type { RedditPassword } from '../connectors/reddit/redditPasswordSignIn';
import type { SignedIn } from '../connectors/signIn';
import { SIGN_IN_TIMEOUT_MS, type AccountsService } from './accountsService';

/**
 * Reddit's fallback for one's own account (#13 §2): the "script" app stored as the person's Reddit
 * app (a script app always has a secret) and the account's password, which goes to Reddit once
 * and is kept nowhere: only the token it gives reaches the secret store.
 */
export async function connectRedditScript(accounts: AccountsService, credentials: RedditPassword): Promise<AccountView[]> {
  const signIn = accounts.redditScript();
  const app = await accounts.apps.credentials('reddit');
  if (!app?.clientSecret) throw new ApiFailure('conflict', 'Set up your Reddit script app first: Pieuvre needs its client id and its secret.', 'app_not_set');
  let signedIns: SignedIn[];
  try {
    signedIns = await signIn(app, credentials, AbortSignal.timeout(SIGN_IN_TIMEOUT_MS));
  } catch (error) {
    // The password grant refuses the app or the password, not a browser's consent ("denied").
    if (error instanceof ConnectorError && error.kind === 'auth') throw new ApiFailure('conflict', error.message, 'script_refused');
    throw signInRefusal(error);
  }
  return accounts.connectAll(signedIns);
}
