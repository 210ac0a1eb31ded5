import { ConnectorError } from '../connector';
import type { OAuthContext, OAuthProvider, OAuthTokens } from '../oauth/oauthProvider';
import type { SignedIn } from '../signIn';
import { meSchema } from './redditEntities';
import { RedditHttp } from './redditHttp';
import { redditOrigins, redditUserAgent } from './redditOrigins';
import { encodeRedditSecret } from './redditSecret';
import { redditSession } from './redditSession';

/** The loopback address the person registers as their Reddit app's redirect URI (Reddit matches it exactly). */
export const REDDIT_REDIRECT = { port: 47613, path: '/pieuvre/reddit/callback' } as const;
export const REDDIT_REDIRECT_URI = `http://127.0.0.1:${REDDIT_REDIRECT.port}${REDDIT_REDIRECT.path}`;

/**
 * What the inbox needs: who the account is, its inbox and replies, removing and approving where
 * it moderates, reporting, its own latest comments (findSent) and deleting its own.
 */
export const REDDIT_SCOPES = ['identity', 'privatemessages', 'read', 'submit', 'modposts', 'report', 'history', 'mysubreddits', 'edit'] as const;

/** Who signs in before the account's name is known, in the User-Agent Reddit requires. */
export const SIGN_IN_AGENT = redditUserAgent('pieuvre');

/**
 * Reddit's installed-app sign-in: the browser consents at `/api/v1/authorize` with
 * `duration=permanent` (a refresh token that lasts until revoked), the code is exchanged with the
 * app's id in HTTP Basic and an empty secret (a script app's secret where the person gives one).
 * The reference documents no PKCE, so none is sent.
 */
export function redditOAuthProvider(origin: string | null): OAuthProvider {
  const { web } = redditOrigins(origin);
  return {
    platform: 'reddit',
    authorizationEndpoint: `${web}/api/v1/authorize`,
    tokenEndpoint: `${web}/api/v1/access_token`,
    scopes: REDDIT_SCOPES,
    scopeSeparator: ' ',
    usesPkce: false,
    clientAuthentication: 'client_secret_basic',
    redirect: REDDIT_REDIRECT,
    extraAuthorizationParams: { duration: 'permanent' },
    signedIn: (tokens, context) => redditSignedIn(origin, tokens, context),
  };
}

/** The account these tokens are (`GET /api/v1/me`), with the secret its connector opens with. */
export async function redditSignedIn(origin: string | null, tokens: OAuthTokens, context: OAuthContext): Promise<SignedIn[]> {
  const session = redditSession({
    secret: { v: 1, clientId: context.app.clientId, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: null, scope: tokens.scope },
    now: context.now,
    refresh: () => Promise.reject(new ConnectorError('Reddit refused the token it had just given: sign in again.', 'auth')),
    saveSecret: async () => {},
  });
  const http = new RedditHttp({ origin: redditOrigins(origin).api, session, fetch: context.fetch, now: context.now, userAgent: SIGN_IN_AGENT });
  const me = meSchema.safeParse((await http.call({ path: '/api/v1/me', signal: context.signal, purpose: 'act' })).body);
  if (!me.success) throw new ConnectorError('Reddit did not say who signed in (its /api/v1/me answer is incomplete).', 'transient');
  const secret = encodeRedditSecret({ v: 1, clientId: context.app.clientId, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt, scope: tokens.scope });
  return [{ platform: 'reddit', externalId: `t2_${me.data.id}`, handle: `u/${me.data.name}`, name: me.data.name, server: null, secret }];
}
