import { ConnectorError } from '../connector';
import type { OAuthContext, OAuthProvider, OAuthTokens } from '../oauth/oauthProvider';
import type { SignedIn } from '../signIn';
import { xMeSchema } from './xEntities';
import { xError } from './xHttp';
import { encodeXSecret } from './xSecret';

/** X's hosts: the consent page on x.com, the API and its token endpoint on api.x.com. */
export const X_WEB_ORIGIN = 'https://x.com';
export const X_API_ORIGIN = 'https://api.x.com';

/**
 * The callback the person registers in their X app, exactly (X matches it character for
 * character and wants 127.0.0.1, not localhost): a fixed port, since X takes no other.
 */
export const X_REDIRECT = { port: 38417, path: '/pieuvre/x/callback' } as const;
export const X_REDIRECT_URI = `http://127.0.0.1:${X_REDIRECT.port}${X_REDIRECT.path}`;

/**
 * What Pieuvre asks of the account (docs.x.com, OAuth 2.0 scopes): read posts, users and DMs,
 * reply and delete its own posts, hide replies, send DMs, mute, and `offline.access` for a
 * refresh token. No `block.write`: blocking through the API is Enterprise-only.
 */
export const X_SCOPES = ['tweet.read', 'tweet.write', 'tweet.moderate.write', 'users.read', 'dm.read', 'dm.write', 'mute.write', 'offline.access'] as const;

/**
 * X's OAuth 2.0 Authorization Code flow with PKCE as a public client ("Native App": the client
 * id only, no secret). `origin`: a contract server standing for x.com and api.x.com, or null.
 */
export function xOAuthProvider(origin: string | null): OAuthProvider {
  const api = origin ?? X_API_ORIGIN;
  return {
    platform: 'x',
    authorizationEndpoint: `${origin ?? X_WEB_ORIGIN}/i/oauth2/authorize`,
    tokenEndpoint: `${api}/2/oauth2/token`,
    scopes: X_SCOPES,
    scopeSeparator: ' ',
    usesPkce: true,
    clientAuthentication: 'none',
    redirect: X_REDIRECT,
    extraAuthorizationParams: {},
    signedIn: (tokens, context) => signedInToX(api, tokens, context),
  };
}

/** The account these tokens are (`GET /2/users/me`) and the secret its connector opens with. */
async function signedInToX(api: string, tokens: OAuthTokens, context: OAuthContext): Promise<SignedIn[]> {
  const url = new URL('/2/users/me', api);
  url.searchParams.set('user.fields', 'username,name,profile_image_url');
  const response = await context.fetch(url, { headers: { authorization: `Bearer ${tokens.accessToken}`, accept: 'application/json' }, signal: context.signal });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw xError({ status: response.status, headers: response.headers, body }, 'reading who signed in', context.now());
  const me = xMeSchema.safeParse(body);
  if (!me.success) throw new ConnectorError('X answered /2/users/me without the account that signed in.', 'transient');
  const { id, username, name } = me.data.data;
  const secret = encodeXSecret({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt, userId: id, username });
  return [{ platform: 'x', externalId: id, handle: `@${username}`, name: name || username, server: null, secret }];
}
