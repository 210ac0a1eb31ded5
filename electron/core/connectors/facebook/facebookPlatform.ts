import type { ConnectorFactory } from '../connector';
import type { WavePlatform } from '../oauth/oauthProvider';
import { FacebookConnector } from './facebookConnector';
import { facebookOAuthProvider } from './facebookOAuthProvider';
import { decodeFacebookSecret } from './facebookSecret';
import { graphOrigins } from './graphVersion';

/** Builds a Page account's connector from its secret (see facebookSecret.ts), on Meta's hosts or a contract server. */
export const facebookConnectorFactory = (origin: string | null): ConnectorFactory => ({
  platform: 'facebook',
  open: (_account, secret, io) => new FacebookConnector(graphOrigins(origin).graph, decodeFacebookSecret(secret), io),
});

/** Facebook Pages and Messenger, as the app wires it. */
export const facebookPlatform: WavePlatform = { platform: 'facebook', provider: facebookOAuthProvider, factory: facebookConnectorFactory };
