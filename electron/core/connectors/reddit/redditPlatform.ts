import type { ConnectorFactory } from '../connector';
import type { WavePlatform } from '../oauth/oauthProvider';
import { refreshOAuthTokens } from '../oauth/oauthTokens';
import { RedditConnector } from './redditConnector';
import { RedditHttp } from './redditHttp';
import { redditOAuthProvider } from './redditOAuthProvider';
import { redditOrigins, redditUserAgent, withUserAgent } from './redditOrigins';
import { decodeRedditSecret } from './redditSecret';
import { redditSession } from './redditSession';

const REFRESH_TIMEOUT_MS = 30_000;

/** `u/name` as the sign-in stored it → `name`. */
const usernameOf = (handle: string): string => handle.replace(/^\/?u\//u, '');

function redditFactory(origin: string | null): ConnectorFactory {
  const provider = redditOAuthProvider(origin);
  return {
    platform: 'reddit',
    open(account, secretText, io) {
      const secret = decodeRedditSecret(secretText);
      const name = usernameOf(account.handle);
      const userAgent = redditUserAgent(name);
      // The app the token was issued to: its secret (a script app) only if Settings still holds that same app.
      const app = io.app?.clientId === secret.clientId ? io.app : { clientId: secret.clientId, clientSecret: null };
      const session = redditSession({
        secret,
        now: io.now,
        saveSecret: io.saveSecret,
        // A renewal has its own time limit too: a token endpoint that hangs must not hold the sync.
        refresh: (refreshToken, signal) => refreshOAuthTokens(provider, app, refreshToken, { fetch: withUserAgent(io.fetch, userAgent), signal: AbortSignal.any([signal, AbortSignal.timeout(REFRESH_TIMEOUT_MS)]), now: io.now }),
      });
      const http = new RedditHttp({ origin: redditOrigins(origin).api, session, fetch: io.fetch, now: io.now, userAgent });
      return new RedditConnector(http, { name }, io.now);
    },
  };
}

/** Reddit as the app wires it: the installed-app sign-in and the inbox connector. */
export const redditPlatform: WavePlatform = { platform: 'reddit', provider: redditOAuthProvider, factory: redditFactory };
