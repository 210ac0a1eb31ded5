import type { ConnectorFactory } from '../connector';
import { MastodonConnector } from './mastodonConnector';
import { decodeMastodonSecret } from './mastodonSecret';

/** Builds a Mastodon account's connector from its secret (`{server, accessToken}`, see mastodonSecret.ts). */
export const mastodonConnectorFactory: ConnectorFactory = {
  platform: 'mastodon',
  open(_account, secret, io) {
    const { server, accessToken } = decodeMastodonSecret(secret);
    return new MastodonConnector({ origin: server, accessToken, fetch: io.fetch, now: io.now });
  },
};
