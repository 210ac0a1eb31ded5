import { memoryUsageMeter } from '../../../accounts/usageMeter';
import type { ConnectorAccount, PlatformAppCredentials } from '../../connector';
import { youtubePlatform } from '../youtubePlatform';
import { encodeYoutubeSecret } from '../youtubeSecret';
import type { YoutubeConnector } from '../youtubeConnector';
import type { YoutubeContractServer } from './youtubeContractServer';
import { BRAND_CHANNEL } from './youtubeResources';
import { TEST_APP } from './youtubeTokenDesk';

export const YOUTUBE_ACCOUNT: ConnectorAccount = { id: 'acct-yt', platform: 'youtube', externalId: BRAND_CHANNEL.id, handle: BRAND_CHANNEL.customUrl, server: null };

/** The secret of a channel already signed in on this contract server, its access token good for an hour from `now`. */
export function signedInSecret(server: YoutubeContractServer, now: number): string {
  const { accessToken, refreshToken } = server.tokens.issue();
  return encodeYoutubeSecret({ channelId: BRAND_CHANNEL.id, accessToken, refreshToken, expiresAt: now + 3_600_000 });
}

/**
 * The channel's connector as the app opens it (youtubePlatform's factory pointed at the contract
 * server), with the person's test app, a usage meter in memory and every saved secret kept.
 */
export function openYoutube(server: YoutubeContractServer, options: { now?: () => number; usage?: ReturnType<typeof memoryUsageMeter>; app?: PlatformAppCredentials | null } = {}) {
  const now = options.now ?? Date.now;
  const usage = options.usage ?? memoryUsageMeter();
  const saved: string[] = [];
  const connector = youtubePlatform.factory(server.url).open(YOUTUBE_ACCOUNT, signedInSecret(server, now()), {
    now,
    fetch,
    saveSecret: async (secret) => void saved.push(secret),
    app: options.app === undefined ? { ...TEST_APP } : options.app,
    usage,
  }) as YoutubeConnector;
  return { connector, usage, saved };
}
