import type { ConnectorAccount, ConnectorFactory, ConnectorIo } from '../connector';
import type { WavePlatform } from '../oauth/oauthProvider';
import { refreshedThroughApp } from '../oauth/refreshingToken';
import { XConnector } from './xConnector';
import { X_API_ORIGIN, xOAuthProvider } from './xOAuthProvider';
import { decodeXSecret, encodeXSecret } from './xSecret';

/** Builds an X account's connector from its secret; its tokens are renewed through the person's app at X's token endpoint (or the contract server's). */
function xConnectorFactory(origin: string | null): ConnectorFactory {
  const provider = xOAuthProvider(origin);
  return {
    platform: 'x',
    open(_account: ConnectorAccount, secret: string, io: ConnectorIo): XConnector {
      // X replaces the refresh token at each refresh (its access tokens last two hours).
      const tokens = refreshedThroughApp(provider, io, {
        secret: decodeXSecret(secret),
        encode: encodeXSecret,
        whenNoApp: 'X’s sign-in needs renewing, but your X app’s client id is no longer set: set it up again, then reconnect.',
        endedWithoutRefresh: 'X’s sign-in has ended and gave no way to renew it: reconnect the account.',
      });
      return new XConnector({ apiOrigin: origin ?? X_API_ORIGIN, tokens, io });
    },
  };
}

/** X as the app wires it: the OAuth 2.0 PKCE sign-in and the API v2 connector. */
export const xPlatform: WavePlatform = { platform: 'x', provider: xOAuthProvider, factory: xConnectorFactory };
