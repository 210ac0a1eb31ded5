import { afterEach, describe, expect, it } from 'vitest';
import { OAuthSignIns } from '../oauth/oauthSignIns';
import { CONTRACT_APP, InstagramContractServer } from './contract/instagramContractServer';
import { BRAND } from './contract/instagramWorld';
import { instagramPlatform } from './instagramPlatform';
import { decodeInstagramSecret } from './instagramSecret';

// Business Login for Instagram through the shared loopback runner, against the contract server:
// consent, the code exchanged at api.instagram.com (its `data`-wrapped answer), the one-hour
// token exchanged for a 60-day one, and the account named by /me.

const NOW = Date.UTC(2026, 11, 5, 12);
let server: InstagramContractServer;
let signIns: OAuthSignIns;
afterEach(async () => {
  signIns.close();
  await server.close();
});

async function runner(app: { clientId: string; clientSecret: string | null } = CONTRACT_APP) {
  server = await InstagramContractServer.start({ now: () => NOW });
  signIns = new OAuthSignIns({ providers: { instagram: instagramPlatform.provider(server.url) }, apps: () => Promise.resolve(app), fetch, now: () => NOW });
  return signIns;
}

describe('Instagram sign-in against the contract server', () => {
  it('gives the professional account with a 60-day token the connector opens with', async () => {
    const pending = await (await runner()).start('instagram');
    const authorize = new URL(pending.authorizeUrl);
    expect(authorize.pathname).toBe('/oauth/authorize');
    expect(authorize.searchParams.get('scope')).toBe('instagram_business_basic,instagram_business_manage_comments,instagram_business_manage_messages');
    const finished = signIns.finish(pending.signInId);
    await fetch(pending.authorizeUrl);
    const [account, ...others] = await finished;
    expect(others).toEqual([]);
    expect(account).toMatchObject({ platform: 'instagram', externalId: BRAND.userId, handle: BRAND.username, name: BRAND.name, server: null });
    const secret = decodeInstagramSecret(account?.secret ?? '');
    expect(secret).toMatchObject({ userId: BRAND.userId, username: BRAND.username, issuedAt: NOW, expiresAt: NOW + 60 * 86_400_000 });
    expect(server.received('POST', '/oauth/access_token')[0]?.body).toMatchObject({ client_id: CONTRACT_APP.clientId, client_secret: CONTRACT_APP.clientSecret, grant_type: 'authorization_code' });
    expect(server.received('GET', '/access_token')[0]?.query.get('grant_type')).toBe('ig_exchange_token');
  });

  it('a code used twice is refused with Instagram’s words', async () => {
    const pending = await (await runner()).start('instagram');
    const browser = await fetch(pending.authorizeUrl, { redirect: 'manual' });
    const code = new URL(browser.headers.get('location') ?? '').searchParams.get('code') ?? '';
    await signIns.finish(pending.signInId, code);
    const again = await signIns.start('instagram');
    await expect(signIns.finish(again.signInId, code)).rejects.toMatchObject({ reason: 'platform_refused', message: expect.stringContaining('authorization code has been used') });
  });

  it('without the app secret it says which one is missing', async () => {
    const pending = await (await runner({ clientId: CONTRACT_APP.clientId, clientSecret: null })).start('instagram');
    const finished = signIns.finish(pending.signInId).catch((error: unknown) => error);
    await fetch(pending.authorizeUrl);
    expect(await finished).toMatchObject({ message: expect.stringContaining('app secret') });
  });
});
