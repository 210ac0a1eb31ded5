import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryUsageMeter } from './usageMeter';
import { OAuthSignIns } from '../connectors/oauth/oauthSignIns';
import { CLIENT_ID, REDDIT_ACCOUNT } from '../connectors/reddit/contract/openRedditConnector';
import { RedditContractServer } from '../connectors/reddit/contract/redditContractServer';
import { redditOAuthProvider } from '../connectors/reddit/redditOAuthProvider';
import { redditPlatform } from '../connectors/reddit/redditPlatform';
import { decodeRedditSecret, encodeRedditSecret } from '../connectors/reddit/redditSecret';
import { keyFileKeyProvider } from '../secrets/keyFileKeyProvider';
import { syncRequest } from '../testing/snacMastodon';
import { createTestCore, type TestCore } from '../testing/testCore';
import { PlatformApps } from './platformApps';

// One platform row holds Reddit's script app (id and secret) or its installed app (an id alone).
// After the person switches from the first to the second, the installed app's sign-in and token
// renewal must send its own id with the empty password Reddit's token endpoint expects, never the
// script app's secret (the contract server answers that with Reddit's 401).

const basic = (user: string) => `Basic ${Buffer.from(user).toString('base64')}`;

let dataDir: string;
let core: TestCore;
let apps: PlatformApps;
let server: RedditContractServer;
let signIns: OAuthSignIns | undefined;
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-reddit-app-'));
  core = createTestCore({ dataDir, keyProviders: [keyFileKeyProvider(dataDir)] });
  apps = new PlatformApps(core.context.db, () => core.secrets(), Date.now);
  server = await RedditContractServer.start({ clientId: CLIENT_ID });
  await apps.set({ platform: 'reddit', clientId: 'script-app-id', clientSecret: 'script-secret' });
  await apps.set({ platform: 'reddit', clientId: CLIENT_ID });
});
afterEach(async () => {
  signIns?.close();
  core.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Reddit’s installed app saved after a script app', () => {
  it('signs in with its own client id and an empty secret', async () => {
    signIns = new OAuthSignIns({ providers: { reddit: redditOAuthProvider(server.url) }, apps: (platform) => apps.credentials(platform), fetch, now: Date.now });
    const pending = await signIns.start('reddit');
    const finished = signIns.finish(pending.signInId);
    await (await fetch(pending.authorizeUrl)).text();
    const [account] = await finished;
    expect(decodeRedditSecret(account!.secret).clientId).toBe(CLIENT_ID);
    expect(server.received('POST', '/api/v1/access_token').map((call) => call.headers.authorization)).toEqual([basic(`${CLIENT_ID}:`)]);
  });

  it('renews an expired token with its own client id and an empty secret', async () => {
    const { accessToken, refreshToken } = server.issueTokens();
    const secret = encodeRedditSecret({ v: 1, clientId: CLIENT_ID, accessToken, refreshToken, expiresAt: Date.now() + 3_600_000, scope: null });
    const io = { fetch, now: Date.now, saveSecret: async () => {}, app: await apps.credentials('reddit'), usage: memoryUsageMeter() };
    const connector = await redditPlatform.factory(server.url).open(REDDIT_ACCOUNT, secret, io);
    try {
      server.expireAccessTokens();
      await connector.sync(syncRequest({ backfillSince: 0 }));
      expect(server.received('POST', '/api/v1/access_token').map((call) => call.headers.authorization)).toEqual([basic(`${CLIENT_ID}:`)]);
    } finally {
      connector.close();
    }
  });
});
