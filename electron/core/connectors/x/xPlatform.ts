import { appTokenPlatform } from '../oauth/appTokenPlatform';
import { XConnector } from './xConnector';
import { X_API_ORIGIN, xOAuthProvider } from './xOAuthProvider';
import { decodeXSecret, encodeXSecret } from './xSecret';

/**
 * X as the app wires it: the OAuth 2.0 PKCE sign-in and the API v2 connector, its tokens renewed
 * through the person's app at X's token endpoint (or the contract server's). X replaces the
 * refresh token at each refresh; access tokens last two hours.
 */
export const xPlatform = appTokenPlatform({
  platform: 'x',
  provider: xOAuthProvider,
  decode: decodeXSecret,
  encode: encodeXSecret,
  whenNoApp: 'X’s sign-in needs renewing, but your X app’s client id is no longer set: set it up again, then reconnect.',
  endedWithoutRefresh: 'X’s sign-in has ended and gave no way to renew it: reconnect the account.',
  connect: (tokens, io, origin) => new XConnector({ apiOrigin: origin ?? X_API_ORIGIN, tokens, io }),
});
