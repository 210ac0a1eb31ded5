import { ConnectorError, type ConnectorAccount, type ConnectorFactory, type ConnectorIo } from '../connector';
import type { WavePlatform } from '../oauth/oauthProvider';
import { refreshOAuthTokens } from '../oauth/oauthTokens';
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
        refresh: (refreshToken, signal) => {
          if (io.app === null) throw new ConnectorError('Pieuvre no longer has your Google app’s client id: set it again in Accounts, then reconnect.', 'auth');
          return refreshOAuthTokens(provider, io.app, refreshToken, { fetch: io.fetch, signal, now: io.now });
        },
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
