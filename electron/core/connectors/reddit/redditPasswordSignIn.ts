import type { PlatformAppCredentials } from '../connector';
import type { SignedIn } from '../signIn';
import { redditOAuthProvider, redditSignedIn, SIGN_IN_AGENT } from './redditOAuthProvider';
import { requestToken } from './redditTokenEndpoint';

export type RedditPassword = { username: string; password: string };

/**
 * The fallback for one's own account: a "script" app (which has a secret) and the password grant.
 * The password is sent once, to Reddit, and kept nowhere. Reddit gives no refresh token to this
 * grant: the account needs signing in again when its hour is over. The browser sign-in with the
 * same script app's secret keeps a refresh token and is preferred.
 */
export async function signInWithRedditPassword(origin: string | null, app: PlatformAppCredentials, credentials: RedditPassword, deps: { fetch: typeof fetch; signal: AbortSignal; now: () => number }): Promise<SignedIn[]> {
  const provider = redditOAuthProvider(origin);
  const tokens = await requestToken(provider.tokenEndpoint, app, { grant_type: 'password', username: credentials.username, password: credentials.password, scope: provider.scopes.join(' ') }, { ...deps, userAgent: SIGN_IN_AGENT });
  return redditSignedIn(origin, tokens, { app, ...deps });
}
