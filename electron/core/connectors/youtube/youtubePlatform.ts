import type { ConnectorAccount, ConnectorFactory, ConnectorIo } from '../connector';
import type { WavePlatform } from '../oauth/oauthProvider';
import { refreshedThroughApp } from '../oauth/refreshingToken';
import { YoutubeConnector } from './youtubeConnector';
import { youtubeHosts, youtubeOAuthProvider } from './youtubeOAuthProvider';
import { decodeYoutubeSecret, encodeYoutubeSecret } from './youtubeSecret';

/** Builds a YouTube channel's connector from its secret; its tokens are renewed with the person's own Google app. */
function youtubeFactory(origin: string | null): ConnectorFactory {
  const provider = youtubeOAuthProvider(origin);
  return {
    platform: 'youtube',
    open(_account: ConnectorAccount, secret: string, io: ConnectorIo): YoutubeConnector {
      // Google's access token lasts an hour; its refresh token until revoked (7 days while the app is in "Testing").
      const session = refreshedThroughApp(provider, io, {
        secret: decodeYoutubeSecret(secret),
        encode: encodeYoutubeSecret,
        whenNoApp: 'Pieuvre no longer has your Google app’s client id: set it again in Accounts, then reconnect.',
        endedWithoutRefresh: 'Google refused the YouTube token and Pieuvre holds no refresh token: sign in again.',
      });
      return new YoutubeConnector({ origin: youtubeHosts(origin).api, session, usage: io.usage, fetch: io.fetch, now: io.now });
    },
  };
}

export const youtubePlatform: WavePlatform = {
  platform: 'youtube',
  provider: youtubeOAuthProvider,
  factory: youtubeFactory,
};
