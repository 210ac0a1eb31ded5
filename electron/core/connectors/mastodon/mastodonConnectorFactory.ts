import type { ConnectorAccount, ConnectorFactory, ConnectorIo } from '../connector';
import { MastodonConnector } from './mastodonConnector';
import { decodeMastodonSecret } from './mastodonSecret';

/** Builds a Mastodon account's connector from its secret (`{server, accessToken}`, see mastodonSecret.ts). */
export const mastodonConnectorFactory = {
  platform: 'mastodon',
  open(_account: ConnectorAccount, secret: string, io: ConnectorIo): MastodonConnector {
    const { server, accessToken } = decodeMastodonSecret(secret);
    return new MastodonConnector({ origin: server, accessToken, fetch: io.fetch, now: io.now });
  },
} satisfies ConnectorFactory;
