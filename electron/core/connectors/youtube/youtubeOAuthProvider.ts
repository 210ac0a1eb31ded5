import { ConnectorError } from '../connector';
import type { OAuthContext, OAuthProvider, OAuthTokens } from '../oauth/oauthProvider';
import type { SignedIn } from '../signIn';
import { channelFrom, MINE_QUERY } from './youtubeChannel';
import { readFailure, youtubeError } from './youtubeErrors';
import { encodeYoutubeSecret } from './youtubeSecret';

/** Google's hosts, or one loopback contract server standing for all of them. */
export function youtubeHosts(origin: string | null): { authorize: string; token: string; api: string } {
  if (origin === null) return { authorize: 'https://accounts.google.com/o/oauth2/v2/auth', token: 'https://oauth2.googleapis.com/token', api: 'https://www.googleapis.com' };
  return { authorize: `${origin}/o/oauth2/v2/auth`, token: `${origin}/token`, api: origin };
}

/** Reading, answering and moderating comments all need this one scope. */
export const YOUTUBE_SCOPE = 'https://www.googleapis.com/auth/youtube.force-ssl';

/**
 * Google's OAuth for installed apps (https://developers.google.com/identity/protocols/oauth2/native-app):
 * the system browser, a loopback redirect on any port, PKCE, and the desktop client's secret
 * (which Google says is not a secret for installed apps, kept in the secret store all the same).
 * `access_type=offline` asks for a refresh token, `prompt=consent` for one even when the person
 * signed in before.
 */
export function youtubeOAuthProvider(origin: string | null): OAuthProvider {
  const hosts = youtubeHosts(origin);
  return {
    platform: 'youtube',
    authorizationEndpoint: hosts.authorize,
    tokenEndpoint: hosts.token,
    scopes: [YOUTUBE_SCOPE],
    scopeSeparator: ' ',
    usesPkce: true,
    clientAuthentication: 'client_secret_post',
    redirect: { port: 0, path: '/' },
    extraAuthorizationParams: { access_type: 'offline', prompt: 'consent' },
    signedIn: (tokens, context) => signedInChannel(hosts.api, tokens, context),
  };
}

/** The channel the tokens belong to (channels.list?mine=true), and the secret its connector opens with. */
async function signedInChannel(api: string, tokens: OAuthTokens, context: OAuthContext): Promise<SignedIn[]> {
  const url = new URL('/youtube/v3/channels', api);
  url.search = new URLSearchParams(MINE_QUERY).toString();
  const response = await context.fetch(url, { headers: { authorization: `Bearer ${tokens.accessToken}`, accept: 'application/json' }, signal: context.signal });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw youtubeError('GET /youtube/v3/channels', readFailure(response.status, body), response.headers, context.now(), () => 0);
  const channel = channelFrom(body);
  if (tokens.refreshToken === null) throw new ConnectorError('Google gave no refresh token: remove Pieuvre from your Google account’s connected apps, then sign in again.', 'auth');
  const secret = encodeYoutubeSecret({ channelId: channel.id, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt });
  return [{ platform: 'youtube', externalId: channel.id, handle: channel.handle, name: channel.title, server: null, secret }];
}
