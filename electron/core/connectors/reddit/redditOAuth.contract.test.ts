import { afterEach, describe, expect, it } from 'vitest';
import { OAuthSignIns } from '../oauth/oauthSignIns';
import { CLIENT_ID } from './contract/openRedditConnector';
import { RedditContractServer } from './contract/redditContractServer';
import { BRAND } from './contract/redditFixtures';
import { REDDIT_REDIRECT_URI, REDDIT_SCOPES, redditOAuthProvider } from './redditOAuthProvider';
import { signInWithRedditPassword } from './redditPasswordSignIn';
import { decodeRedditSecret } from './redditSecret';

// Reddit's sign-ins against the contract server: the installed app through the shared loopback
// runner (consent, code, token with HTTP Basic `client_id:`), and the script app's password grant.

const NOW = Date.parse('2026-12-05T15:00:00Z');
let server: RedditContractServer;
let signIns: OAuthSignIns | undefined;
afterEach(async () => {
  signIns?.close();
  await server.close();
});

describe('Reddit sign-in', () => {
  it('asks for a permanent grant with the scopes the inbox needs, on the registered redirect, and says who signed in', async () => {
    server = await RedditContractServer.start({ clientId: CLIENT_ID });
    signIns = new OAuthSignIns({ providers: { reddit: redditOAuthProvider(server.url) }, apps: async () => ({ clientId: CLIENT_ID, clientSecret: null }), fetch, now: () => NOW });
    const pending = await signIns.start('reddit');
    expect(pending.redirectUri).toBe(REDDIT_REDIRECT_URI);
    const authorize = new URL(pending.authorizeUrl);
    expect(authorize.origin + authorize.pathname).toBe(`${server.url}/api/v1/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ client_id: CLIENT_ID, response_type: 'code', duration: 'permanent', scope: REDDIT_SCOPES.join(' '), redirect_uri: REDDIT_REDIRECT_URI });
    const finished = signIns.finish(pending.signInId);
    await fetch(pending.authorizeUrl);
    const [account, ...others] = await finished;
    expect(others).toEqual([]);
    expect(account).toMatchObject({ platform: 'reddit', externalId: `t2_${BRAND.id}`, handle: `u/${BRAND.name}`, name: BRAND.name, server: null });
    const secret = decodeRedditSecret(account!.secret);
    expect(secret).toMatchObject({ clientId: CLIENT_ID, refreshToken: expect.stringMatching(/^refresh-/), expiresAt: NOW + 3_600_000 });
    const exchange = server.received('POST', '/api/v1/access_token')[0];
    expect(exchange?.headers.authorization).toBe(`Basic ${Buffer.from(`${CLIENT_ID}:`).toString('base64')}`);
    expect(exchange?.body).toMatchObject({ grant_type: 'authorization_code', redirect_uri: REDDIT_REDIRECT_URI });
    expect(server.received('GET', '/api/v1/me')[0]?.headers['user-agent']).toMatch(/^desktop:app\.pieuvre:0\.1\.0 \(by \/u\/[\w-]+\)$/u);
  });

  it('signs a script app in with the password once, keeps no password, and a wrong one (200 invalid_grant) is refused as such', async () => {
    server = await RedditContractServer.start({ clientId: CLIENT_ID, clientSecret: 'script-secret' });
    const app = { clientId: CLIENT_ID, clientSecret: 'script-secret' };
    const deps = { fetch, signal: AbortSignal.timeout(5_000), now: () => NOW };
    const [account] = await signInWithRedditPassword(server.url, app, { username: BRAND.name, password: 'correct horse' }, deps);
    expect(account).toMatchObject({ handle: `u/${BRAND.name}` });
    expect(account!.secret).not.toContain('correct horse');
    expect(decodeRedditSecret(account!.secret)).toMatchObject({ refreshToken: null, expiresAt: NOW + 3_600_000 });
    await expect(signInWithRedditPassword(server.url, app, { username: BRAND.name, password: 'wrong' }, deps)).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('password was wrong') });
    await expect(signInWithRedditPassword(server.url, { ...app, clientSecret: 'other' }, { username: BRAND.name, password: 'correct horse' }, deps)).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('client id') });
  });
});
