import { afterEach, describe, expect, it } from 'vitest';
import { memoryUsageMeter } from '../../accounts/usageMeter';
import { OAuthSignIns } from '../oauth/oauthSignIns';
import { YoutubeContractServer } from './contract/youtubeContractServer';
import { BRAND_CHANNEL } from './contract/youtubeResources';
import { TEST_APP } from './contract/youtubeTokenDesk';
import { YOUTUBE_ACCOUNT } from './contract/youtubeTestKit';
import { youtubePlatform } from './youtubePlatform';
import { YOUTUBE_SCOPE } from './youtubeOAuthProvider';
import { decodeYoutubeSecret } from './youtubeSecret';

// Google's installed-app sign-in through the shared loopback runner, against the contract server's consent page and token endpoint.

const NOW = Date.parse('2026-12-05T18:00:00.000Z');
let server: YoutubeContractServer;
let signIns: OAuthSignIns | undefined;
afterEach(async () => {
  signIns?.close();
  await server?.close();
});

async function signIn(app: { clientId: string; clientSecret: string | null } = TEST_APP) {
  server = await YoutubeContractServer.start({ now: () => NOW });
  signIns = new OAuthSignIns({ providers: { youtube: youtubePlatform.provider(server.url) }, apps: async () => app, fetch, now: () => NOW });
  const pending = await signIns.start('youtube');
  const finished = signIns.finish(pending.signInId).catch((error: unknown) => error);
  // The person's browser: Google's consent page, then the loopback redirect.
  await fetch(pending.authorizeUrl);
  return { pending, finished: await finished };
}

describe('YouTube sign-in on the contract server', () => {
  it('asks for offline access to manage comments with PKCE, and gives the channel with a secret its connector opens with', async () => {
    const { pending, finished } = await signIn();
    const authorize = new URL(pending.authorizeUrl);
    expect(authorize.pathname).toBe('/o/oauth2/v2/auth');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ client_id: TEST_APP.clientId, scope: YOUTUBE_SCOPE, access_type: 'offline', prompt: 'consent', code_challenge_method: 'S256' });
    expect(finished).toEqual([{ platform: 'youtube', externalId: BRAND_CHANNEL.id, handle: BRAND_CHANNEL.customUrl, name: BRAND_CHANNEL.title, server: null, secret: expect.any(String) }]);
    const [account] = finished as { secret: string }[];
    const secret = decodeYoutubeSecret(account!.secret);
    expect(secret).toMatchObject({ channelId: BRAND_CHANNEL.id, expiresAt: NOW + 3_599_000, refreshToken: expect.stringMatching(/^1\/\/0g/) });
    expect(server.received('POST', '/token')[0]?.body).toMatchObject({ grant_type: 'authorization_code', client_id: TEST_APP.clientId, client_secret: TEST_APP.clientSecret, code_verifier: expect.any(String) });

    const connector = await youtubePlatform.factory(server.url).open(YOUTUBE_ACCOUNT, account!.secret, { now: () => NOW, fetch, saveSecret: async () => {}, app: TEST_APP, usage: memoryUsageMeter() });
    await expect(connector.check!(AbortSignal.timeout(5_000))).resolves.toMatchObject([{ step: 'channel', ok: true }, { step: 'comments', ok: true }]);
  });

  it('refuses an app Google does not know, with Google’s words', async () => {
    const { finished } = await signIn({ clientId: TEST_APP.clientId, clientSecret: 'wrong' });
    expect(finished).toMatchObject({ message: expect.stringContaining('invalid_client') });
  });
});
