import type { ConnectorAccount, ConnectorFactory, ConnectorIo } from '../connector';
import type { WavePlatform } from '../oauth/oauthProvider';
import { refreshThroughApp } from '../oauth/oauthTokens';
import { YoutubeConnector } from './youtubeConnector';
import { youtubeHosts, youtubeOAuthProvider } from './youtubeOAuthProvider';
import { decodeYoutubeSecret } from './youtubeSecret';
import { YoutubeSession } from './youtubeSession';

/** Builds a YouTube channel's connector from its secret; its tokens are renewed with the person's own Google app. */
function youtubeFactory(origin: string | null): ConnectorFactory {
  const provider = youtubeOAuthProvider(origin);
  return {
    platform: 'youtube',
    open(_account: ConnectorAccount, secret: string, io: ConnectorIo): YoutubeConnector {
      const session = new YoutubeSession(decodeYoutubeSecret(secret), {
        now: io.now,
        saveSecret: io.saveSecret,
        refresh: refreshThroughApp(provider, io, 'Pieuvre no longer has your Google app’s client id: set it again in Accounts, then reconnect.'),
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
