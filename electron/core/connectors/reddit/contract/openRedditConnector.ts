import { memoryUsageMeter } from '../../../accounts/usageMeter';
import type { Connector, ConnectorAccount } from '../../connector';
import { redditPlatform } from '../redditPlatform';
import { encodeRedditSecret } from '../redditSecret';
import { RedditContractServer, type RedditContractOptions } from './redditContractServer';
import { BRAND } from './redditFixtures';

export const CLIENT_ID = 'pieuvre-test-app';

export const REDDIT_ACCOUNT: ConnectorAccount = { id: 'acct-reddit', platform: 'reddit', externalId: `t2_${BRAND.id}`, handle: `u/${BRAND.name}`, server: null };

/** The secret a finished sign-in stores, for tokens the contract server issued. */
export function signedInSecret(server: RedditContractServer, expiresAt = Date.now() + 3_600_000): string {
  const { accessToken, refreshToken } = server.issueTokens();
  return encodeRedditSecret({ v: 1, clientId: CLIENT_ID, accessToken, refreshToken, expiresAt, scope: null });
}

/** A contract server and a connector signed in to it, as the app would open it; `saved` holds each renewed secret. */
export async function openRedditConnector(options: RedditContractOptions & { expiresAt?: number } = {}): Promise<{ server: RedditContractServer; connector: Connector; saved: string[] }> {
  const server = await RedditContractServer.start({ clientId: CLIENT_ID, ...options });
  const saved: string[] = [];
  const connector = await redditPlatform.factory(server.url).open(REDDIT_ACCOUNT, signedInSecret(server, options.expiresAt), {
    fetch,
    now: Date.now,
    saveSecret: async (secret) => void saved.push(secret),
    app: { clientId: CLIENT_ID, clientSecret: options.clientSecret ?? null },
    usage: memoryUsageMeter(),
  });
  return { server, connector, saved };
}
