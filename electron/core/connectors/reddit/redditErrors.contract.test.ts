import { afterEach, describe, expect, it } from 'vitest';
import { syncRequest } from '../../testing/snacMastodon';
import type { Connector } from '../connector';
import { openRedditConnector } from './contract/openRedditConnector';
import type { RedditContractServer } from './contract/redditContractServer';
import { BRAND } from './contract/redditFixtures';
import { decodeRedditSecret } from './redditSecret';

// Each documented failure of Reddit's API, served by the contract server, and what the connector makes of it.

let server: RedditContractServer;
let connector: Connector;
let saved: string[];
afterEach(async () => {
  connector.close();
  await server.close();
});

async function open(expiresAt?: number): Promise<void> {
  ({ server, connector, saved } = await openRedditConnector({ expiresAt }));
  server.seed(20);
}

const sync = () => connector.sync(syncRequest({ backfillSince: 0 }));

describe('Reddit errors and limits', () => {
  it('shows the rate limit from X-Ratelimit-* headers, and stops syncing before it runs out, until the window resets', async () => {
    await open();
    expect(connector.limitsView?.()).toEqual({ budget: null, rateLimit: null, cannot: ['reddit_needs_approval'] });
    await sync();
    const view = connector.limitsView?.();
    expect(view?.rateLimit).toMatchObject({ limit: 1000, remaining: 1000 - server.requests.length });
    expect(view?.rateLimit?.resetsAt).toBeGreaterThan(Date.now());

    server.setCallsLeft(11);
    await sync();
    const calls = server.requests.length;
    await expect(sync()).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: expect.any(Number) });
    // Refused here, without a call: the last ones are kept for replies and moderation.
    expect(server.requests.length).toBe(calls);
    expect(await connector.check?.(AbortSignal.timeout(5_000))).toEqual(expect.arrayContaining([{ step: 'Who the sign-in is', ok: true, detail: `u/${BRAND.name}` }]));
  });

  it('a 429 is rate_limited until X-Ratelimit-Reset', async () => {
    await open();
    server.failures.add(() => true, { status: 429, headers: { 'x-ratelimit-used': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '137' }, body: { message: 'Too Many Requests', error: 429 } });
    await expect(sync()).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 137_000 });
  });

  it('an expired token (401) is renewed with the refresh token, stored, and the call goes on', async () => {
    await open();
    server.expireAccessTokens();
    const page = await sync();
    expect(page.items).toHaveLength(20);
    const tokenCalls = server.received('POST', '/api/v1/access_token');
    expect(tokenCalls.map((call) => (call.body as Record<string, string>).grant_type)).toEqual(['refresh_token']);
    expect(tokenCalls[0]?.headers.authorization).toBe(`Basic ${Buffer.from('pieuvre-test-app:').toString('base64')}`);
    expect(saved).toHaveLength(1);
    const renewed = decodeRedditSecret(saved[0]!);
    expect(renewed.refreshToken).toMatch(/^refresh-/);
    expect(renewed.expiresAt).toBeGreaterThan(Date.now() + 3_000_000);
    // The renewed token is the one used from then on.
    await sync();
    expect(server.received('POST', '/api/v1/access_token')).toHaveLength(1);
  });

  it('a token about to expire is renewed before the call, not after a 401', async () => {
    await open(Date.now() + 60_000);
    await sync();
    expect(server.requests.map((request) => request.path).slice(0, 2)).toEqual(['/api/v1/access_token', '/subreddits/mine/moderator']);
    expect(saved).toHaveLength(1);
  });

  it('a revoked grant (invalid_grant on refresh) is auth: the account needs reconnecting', async () => {
    await open();
    server.revokeGrants();
    await expect(sync()).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/sign in again/iu) });
  });

  it('a 5xx is transient; a 403 names the community’s reason', async () => {
    await open();
    server.failures.add(() => true, { status: 503, body: '<html><body>Our servers are busy</body></html>', headers: { 'content-type': 'text/html' } });
    await expect(sync()).rejects.toMatchObject({ kind: 'transient' });
    server.failures.add((request) => request.path === '/message/inbox', { status: 403, body: { reason: 'quarantined', message: 'Forbidden', error: 403 } });
    await expect(sync()).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('quarantined') });
  });
});
