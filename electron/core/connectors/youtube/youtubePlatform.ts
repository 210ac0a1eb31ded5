import { appTokenPlatform } from '../oauth/appTokenPlatform';
import { YoutubeConnector } from './youtubeConnector';
import { youtubeHosts, youtubeOAuthProvider } from './youtubeOAuthProvider';
import { decodeYoutubeSecret, encodeYoutubeSecret } from './youtubeSecret';

/**
 * YouTube as the app wires it: Google's installed-app sign-in and the channel's connector, its
 * tokens renewed with the person's own Google app. The access token lasts an hour, the refresh
 * token until revoked (7 days while the app's consent screen is in "Testing").
 */
export const youtubePlatform = appTokenPlatform({
  platform: 'youtube',
  provider: youtubeOAuthProvider,
  decode: decodeYoutubeSecret,
  encode: encodeYoutubeSecret,
  whenNoApp: 'Pieuvre no longer has your Google app’s client id: set it again in Accounts, then reconnect.',
  endedWithoutRefresh: 'Google refused the YouTube token and Pieuvre holds no refresh token: sign in again.',
  connect: (session, io, origin) => new YoutubeConnector({ origin: youtubeHosts(origin).api, session, usage: io.usage, fetch: io.fetch, now: io.now }),
});
