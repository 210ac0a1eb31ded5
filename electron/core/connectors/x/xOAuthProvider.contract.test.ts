import { afterEach, describe, expect, it } from 'vitest';
import { memoryUsageMeter } from '../../accounts/usageMeter';
import { OAuthSignIns } from '../oauth/oauthSignIns';
import { BRAND_USER } from './contract/xContractData';
import { XContractServer } from './contract/xContractServer';
import { X_APP, xSyncRequest } from './contract/xTestKit';
import { X_REDIRECT_URI, X_SCOPES } from './xOAuthProvider';
import { xPlatform } from './xPlatform';
import { decodeXSecret } from './xSecret';

// X's sign-in through the shared loopback runner, against the contract server's consent page
// and token endpoint: PKCE as a public client, on the fixed callback the person's app registered.

let server: XContractServer | null = null;
let signIns: OAuthSignIns | null = null;
afterEach(async () => {
  signIns?.close();
  await server?.close();
});

describe('X sign-in on the contract server', () => {
  it('consents with PKCE on the registered 127.0.0.1 callback, exchanges the code with the client id only, and the account it gives syncs', async () => {
    server = await XContractServer.start({ clientId: X_APP.clientId });
    signIns = new OAuthSignIns({ providers: { x: xPlatform.provider(server.url) }, apps: async () => X_APP, fetch, now: Date.now });
    const pending = await signIns.start('x');
    expect(pending.redirectUri).toBe(X_REDIRECT_URI);
    const authorize = new URL(pending.authorizeUrl);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${server.url}/i/oauth2/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ client_id: X_APP.clientId, response_type: 'code', scope: X_SCOPES.join(' '), code_challenge_method: 'S256', redirect_uri: X_REDIRECT_URI });

    const finished = signIns.finish(pending.signInId);
    await fetch(pending.authorizeUrl);
    const [account, ...others] = await finished;
    expect(others).toEqual([]);
    expect(account).toMatchObject({ platform: 'x', externalId: BRAND_USER.id, handle: '@brulerie', name: 'Brûlerie du Quai', server: null });
    const secret = decodeXSecret(account!.secret);
    expect(secret).toMatchObject({ userId: BRAND_USER.id, username: 'brulerie', refreshToken: expect.stringMatching(/^xrt-/u), expiresAt: expect.any(Number) });
    const exchange = server.received('POST', '/2/oauth2/token')[0]!;
    expect(exchange.body).toMatchObject({ grant_type: 'authorization_code', client_id: X_APP.clientId, redirect_uri: X_REDIRECT_URI, code_verifier: expect.any(String) });
    expect(exchange.headers.authorization).toBeUndefined();

    const connector = await xPlatform.factory(server.url).open({ id: 'a', platform: 'x', externalId: account!.externalId, handle: account!.handle, server: null }, account!.secret, { fetch, now: Date.now, saveSecret: async () => {}, app: X_APP, usage: memoryUsageMeter() });
    server.seed(3);
    expect((await connector.sync(xSyncRequest())).items.length).toBeGreaterThanOrEqual(3);
    connector.close();
  });

  it('a code X refuses (used twice, or past its 30 seconds) is a refusal with X’s words', async () => {
    server = await XContractServer.start({ clientId: X_APP.clientId });
    signIns = new OAuthSignIns({ providers: { x: xPlatform.provider(server.url) }, apps: async () => X_APP, fetch, now: Date.now });
    const pending = await signIns.start('x');
    await expect(signIns.finish(pending.signInId, 'xcode-not-issued')).rejects.toMatchObject({ reason: 'platform_refused', message: expect.stringContaining('Value passed for the authorization code was invalid.') });
  });

  it('an unknown client id gets X’s error page, declared UTF-8 so that a browser shows its apostrophe (npm run dev:web with stand-ins)', async () => {
    server = await XContractServer.start({ clientId: X_APP.clientId });
    const page = await fetch(`${server.url}/i/oauth2/authorize?client_id=not-this-app&redirect_uri=${encodeURIComponent(X_REDIRECT_URI)}`);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('You weren’t able to give access to the App.');
  });
});
