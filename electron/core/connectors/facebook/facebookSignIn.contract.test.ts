import { afterEach, describe, expect, it } from 'vitest';
import { OAuthSignIns } from '../oauth/oauthSignIns';
import { FacebookContractServer } from './contract/facebookContractServer';
import { decodeFacebookSecret } from './facebookSecret';
import { facebookPlatform } from './facebookPlatform';

// Facebook Login through the shared loopback runner against the contract server: consent, the
// code exchanged with the app secret, the long-lived token, then one account per Page.

const NOW = Date.parse('2026-12-05T15:00:00Z');
let server: FacebookContractServer;
let signIns: OAuthSignIns | undefined;
afterEach(async () => {
  signIns?.close();
  await server?.close();
});

async function signInRunner(app: { clientId: string; clientSecret: string | null }) {
  server = await FacebookContractServer.start();
  // Port 0: the test lets the system choose, where the app uses the fixed address the person registered.
  const provider = { ...facebookPlatform.provider(server.url), redirect: { port: 0, path: '/facebook/callback' } };
  signIns = new OAuthSignIns({ providers: { facebook: provider }, apps: async () => app, fetch, now: () => NOW });
  return signIns;
}

describe('Facebook sign-in on the contract server', () => {
  it('consents, exchanges the code, trades it for a long-lived token and gives one account per Page with its Page token', async () => {
    const runner = await signInRunner({ clientId: '1234567890', clientSecret: 'app-secret' });
    const pending = await runner.start('facebook');
    const authorize = new URL(pending.authorizeUrl);
    expect(authorize.pathname).toBe('/v26.0/dialog/oauth');
    expect(authorize.searchParams.get('scope')).toBe('pages_show_list,pages_read_engagement,pages_read_user_content,pages_manage_engagement,pages_manage_metadata,pages_messaging');
    const finished = runner.finish(pending.signInId);
    await fetch(pending.authorizeUrl);
    const [page, ...others] = await finished;
    expect(others).toEqual([]);
    expect(page).toMatchObject({ platform: 'facebook', externalId: server.page.id, name: server.page.name, server: null });
    expect(decodeFacebookSecret(page!.secret)).toEqual({ pageId: server.page.id, pageName: server.page.name, pageToken: server.pageToken, tasks: server.tasks, userToken: server.userToken, userTokenExpiresAt: NOW + 5_183_944_000 });
    expect(server.received('GET', '/v26.0/oauth/access_token').map((request) => request.query.get('grant_type'))).toEqual([null, 'fb_exchange_token']);
  });

  it('a code or an app secret Meta refuses is Meta’s refusal in its words; without the app secret nothing is sent', async () => {
    const runner = await signInRunner({ clientId: '1234567890', clientSecret: 'app-secret' });
    const pasted = await runner.start('facebook');
    expect(await runner.finish(pasted.signInId, 'not-the-code').catch((error: unknown) => error)).toMatchObject({ reason: 'platform_refused', message: expect.stringContaining('Invalid verification code format') });
    signIns?.close();
    await server.close();
    // Meta answers a wrong secret with its code 1: not a network failure ("could not reach the server"), nor a refusal in the browser.
    const wrongSecret = await signInRunner({ clientId: '1234567890', clientSecret: 'not-the-secret' });
    const refused = await wrongSecret.start('facebook');
    expect(await wrongSecret.finish(refused.signInId, 'consent-code').catch((error: unknown) => error)).toMatchObject({ reason: 'platform_refused', message: expect.stringContaining('Error validating client secret') });
    signIns?.close();
    await server.close();
    const noSecret = await signInRunner({ clientId: '1234567890', clientSecret: null });
    const pending = await noSecret.start('facebook');
    expect(await noSecret.finish(pending.signInId, 'consent-code').catch((error: unknown) => error)).toMatchObject({ reason: 'platform_refused', message: expect.stringContaining('secret') });
    expect(server.received('GET', '/v26.0/oauth/access_token')).toEqual([]);
  });
});
