import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../../shared/api/result';
import { consentAndRedirect, InjectedFailures, routeTable } from '../../testing/contractServer';
import { RecordedServer, type RecordedRequest } from '../../testing/recordedServer';
import { ConnectorError } from '../connector';
import type { OAuthProvider } from './oauthProvider';
import { OAuthSignIns } from './oauthSignIns';
import { refreshOAuthTokens } from './oauthTokens';

const NOW = Date.parse('2026-12-05T15:00:00Z');
const APP = { clientId: 'client-1', clientSecret: 'app-secret' };
let server: RecordedServer;
let signIns: OAuthSignIns | undefined;
afterEach(async () => {
  signIns?.close();
  await server.close();
});

/** A platform as RFC 6749 and RFC 7636 describe it: consent, a token endpoint that checks the code and the verifier, and a `me` call. */
async function platform(options: { authorize?: (request: RecordedRequest) => ReturnType<typeof consentAndRedirect> } = {}) {
  const failures = new InjectedFailures();
  const issued = new Map<string, string | null>();
  let refreshCount = 0;
  server = await RecordedServer.start(
    failures.around(
      routeTable({
        'GET /authorize': (request) => {
          issued.set('code-1', request.query.get('code_challenge'));
          return (options.authorize ?? ((r) => consentAndRedirect(r, 'code-1')))(request);
        },
        'POST /token': (request) => {
          const form = request.body as Record<string, string>;
          if (request.headers.authorization !== `Basic ${Buffer.from('client-1:app-secret').toString('base64')}`) return { status: 401, body: { error: 'invalid_client' } };
          if (form.grant_type === 'authorization_code') {
            const challenge = issued.get(form.code ?? '');
            if (challenge === undefined || challenge !== createHash('sha256').update(form.code_verifier ?? '').digest('base64url')) return { status: 400, body: { error: 'invalid_grant', error_description: 'code or verifier mismatch' } };
            return { body: { access_token: 'access-1', token_type: 'bearer', expires_in: 3600, refresh_token: 'refresh-1', scope: 'read write' } };
          }
          if (form.grant_type === 'refresh_token' && form.refresh_token === 'refresh-1') {
            refreshCount += 1;
            return { body: { access_token: `access-${refreshCount + 1}`, token_type: 'Bearer', expires_in: 7200, ...(refreshCount === 1 ? { refresh_token: 'refresh-1' } : {}) } };
          }
          return { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
        },
        'GET /me': (request) => (request.headers.authorization === 'Bearer access-1' ? { body: { id: 'brand-1', handle: 'brand' } } : { status: 401, body: {} }),
      }),
    ),
  );
  const provider: OAuthProvider = {
    platform: 'youtube',
    authorizationEndpoint: `${server.url}/authorize`,
    tokenEndpoint: `${server.url}/token`,
    scopes: ['read', 'write'],
    scopeSeparator: ' ',
    usesPkce: true,
    clientAuthentication: 'client_secret_basic',
    redirect: { port: 0, path: '/pieuvre/test/callback' },
    extraAuthorizationParams: { access_type: 'offline' },
    async signedIn(tokens, context) {
      const me = (await (await context.fetch(`${server.url}/me`, { headers: { authorization: `Bearer ${tokens.accessToken}` }, signal: context.signal })).json()) as { id: string; handle: string };
      return [{ platform: 'youtube', externalId: me.id, handle: me.handle, name: me.handle, server: null, secret: JSON.stringify(tokens) }];
    },
  };
  return { provider, failures };
}

const runner = (provider: OAuthProvider, app: typeof APP | null = APP) => (signIns = new OAuthSignIns({ providers: { youtube: provider }, apps: async () => app, fetch, now: () => NOW }));

describe('OAuth sign-ins through the loopback redirect', () => {
  it('sends the browser to consent with PKCE and state, takes the redirect, exchanges the code and says who signed in', async () => {
    const { provider } = await platform();
    const pending = await runner(provider).start('youtube');
    const authorize = new URL(pending.authorizeUrl);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ client_id: 'client-1', response_type: 'code', scope: 'read write', code_challenge_method: 'S256', access_type: 'offline', redirect_uri: pending.redirectUri });
    expect(pending.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pieuvre\/test\/callback$/u);
    const finished = signIns!.finish(pending.signInId);
    // The person's browser: consent, then the redirect to the loopback listener, which answers it.
    const browser = await fetch(pending.authorizeUrl);
    expect(await browser.text()).toContain('you are signed in');
    const [account, ...others] = await finished;
    expect(others).toEqual([]);
    expect(account).toMatchObject({ platform: 'youtube', externalId: 'brand-1', handle: 'brand' });
    expect(JSON.parse(account!.secret)).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: NOW + 3_600_000, scope: 'read write' });
    expect(server.received('POST', '/token')[0]?.body).toMatchObject({ grant_type: 'authorization_code', code: 'code-1', redirect_uri: pending.redirectUri });
  });

  it('asks for the app first, says a refusal in the browser was a refusal, and a code the platform rejects is refused with its words', async () => {
    const { provider } = await platform({ authorize: (request) => ({ status: 302, headers: { location: `${request.query.get('redirect_uri')}?error=access_denied&state=${request.query.get('state')}` } }) });
    await expect(runner(provider, null).start('youtube')).rejects.toMatchObject({ reason: 'app_not_set' });
    signIns?.close();

    const denied = await runner(provider).start('youtube');
    const finished = signIns!.finish(denied.signInId).catch((error: unknown) => error);
    await fetch(denied.authorizeUrl);
    expect(await finished).toMatchObject({ reason: 'denied', message: expect.stringContaining('access_denied') });

    const pasted = await signIns!.start('youtube');
    const wrong = await signIns!.finish(pasted.signInId, 'not-the-code').catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(ApiFailure);
    // Refused by the platform after the browser's consent: not the person's refusal in the browser.
    expect(wrong).toMatchObject({ reason: 'platform_refused', message: expect.stringContaining('code or verifier mismatch') });
    await expect(signIns!.finish(pasted.signInId)).rejects.toMatchObject({ reason: 'expired' });
  });

  it('a cancelled sign-in ends its wait and frees its listener', async () => {
    const { provider } = await platform();
    const pending = await runner(provider).start('youtube');
    const finished = signIns!.finish(pending.signInId).catch((error: unknown) => error);
    signIns!.cancel(pending.signInId);
    expect(await finished).toMatchObject({ reason: 'denied' });
    await expect(fetch(pending.redirectUri)).rejects.toThrow();
  });
});

describe('refreshOAuthTokens', () => {
  it('renews the access token, keeps the refresh token the platform did not rotate, and turns a revoked grant into `auth` and an outage into `transient`', async () => {
    const { provider, failures } = await platform();
    const context = { fetch, signal: AbortSignal.timeout(5_000), now: () => NOW };
    expect(await refreshOAuthTokens(provider, APP, 'refresh-1', context)).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-1', expiresAt: NOW + 7_200_000, scope: null });
    expect((await refreshOAuthTokens(provider, APP, 'refresh-1', context)).refreshToken).toBe('refresh-1');

    const revoked = await refreshOAuthTokens(provider, APP, 'revoked', context).catch((error: unknown) => error);
    expect(revoked).toBeInstanceOf(ConnectorError);
    expect(revoked).toMatchObject({ kind: 'auth', message: expect.stringContaining('Token has been expired or revoked.') });

    // Reddit's installed apps: HTTP Basic with the client id and an empty secret.
    await refreshOAuthTokens(provider, { clientId: 'client-1', clientSecret: null }, 'refresh-1', context).catch(() => null);
    expect(server.received('POST', '/token').at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from('client-1:').toString('base64')}`);

    failures.add((request) => request.path === '/token', { status: 503, headers: { 'content-type': 'text/html' }, body: '<h1>Service Unavailable</h1>' });
    expect(await refreshOAuthTokens(provider, APP, 'refresh-1', context).catch((error: unknown) => error)).toMatchObject({ kind: 'transient' });
    failures.add((request) => request.path === '/token', { status: 429, headers: { 'retry-after': '30' }, body: { error: 'slow_down' } });
    expect(await refreshOAuthTokens(provider, APP, 'refresh-1', context).catch((error: unknown) => error)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000 });
  });
});
