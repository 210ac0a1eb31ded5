import type { ConnectorAccount, ConnectorFactory, ConnectorIo } from '../connector';
import type { WavePlatform } from '../oauth/oauthProvider';
import { InstagramConnector } from './instagramConnector';
import { instagramHosts } from './instagramHosts';
import { instagramOAuthProvider } from './instagramOAuthProvider';
import { decodeInstagramSecret } from './instagramSecret';

/** Builds an Instagram account's connector from its secret (instagramSecret.ts) at the real hosts or a contract server. */
export function instagramConnectorFactory(origin: string | null): ConnectorFactory {
  return {
    platform: 'instagram',
    open(_account: ConnectorAccount, secret: string, io: ConnectorIo): InstagramConnector {
      return new InstagramConnector(decodeInstagramSecret(secret), instagramHosts(origin).graph, io);
    },
  };
}

export const instagramPlatform: WavePlatform = {
  platform: 'instagram',
  provider: instagramOAuthProvider,
  factory: instagramConnectorFactory,
};
