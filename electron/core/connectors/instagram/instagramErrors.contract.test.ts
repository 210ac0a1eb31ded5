import { afterEach, describe, expect, it } from 'vitest';
import { expiredToken, serverError, throttled } from './contract/graphResponses';
import { BRAND } from './contract/instagramWorld';
import { DAY_MS, startInstagramKit, syncAll } from './contract/instagramTestKit';

// Each of Meta's documented failures, served by the contract server, and what the connector
// makes of it: the kind decides whether the engine retries, pauses, or asks to reconnect.

let kit: Awaited<ReturnType<typeof startInstagramKit>>;
afterEach(() => kit.close());

const sync = () => kit.connector.sync({ cursors: {}, signal: AbortSignal.timeout(10_000), backfillSince: kit.clock.now - DAY_MS, recheck: [] });
const isMedia = (request: { path: string }) => request.path === '/v25.0/me/media';

describe('Instagram errors against the contract server', () => {
  it.each([4, 17, 32, 613, 80002] as const)('throttling (#%i) is rate_limited until Meta says access comes back, and shows on the account', async (code) => {
    kit = await startInstagramKit();
    kit.server.seed(50);
    kit.server.failures.add(isMedia, throttled(code, 17, BRAND.userId));
    await expect(sync()).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 17 * 60_000 });
    expect(kit.connector.limitsView()).toEqual({ budget: null, rateLimit: { remaining: 0, limit: 100, resetsAt: kit.clock.now + 17 * 60_000 }, cannot: ['instagram_mentions_by_webhook_only', 'meta_conversations_recent_only', 'meta_dm_window'] });
  });

  it('polling waits once Meta says 90% of the quota is used, replies still go, and it resumes after the pause', async () => {
    kit = await startInstagramKit();
    kit.server.seed(50);
    kit.server.usagePercent = 95;
    await sync();
    expect(kit.connector.limitsView().rateLimit).toEqual({ remaining: 5, limit: 100, resetsAt: null });
    await expect(sync()).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 15 * 60_000 });
    expect(kit.connector.limitsView().rateLimit).toEqual({ remaining: 5, limit: 100, resetsAt: kit.clock.now + 15 * 60_000 });
    const media = kit.server.world.media[0];
    const top = media?.comments[0];
    if (!media || !top) throw new Error('a seeded comment expected');
    const ref = { kind: 'comment', mediaId: media.id, topId: top.id, hidden: false, createdAt: top.at };
    await kit.connector.reply({ threadExternalId: top.id, threadRef: null, inReplyToExternalId: top.id, inReplyToRef: ref, kind: 'comment', text: 'Toujours là!', idempotencyKey: 'k', messagingTag: null }, AbortSignal.timeout(10_000));
    const calls = kit.server.requests.length;
    kit.clock.now += 10 * 60_000;
    await expect(sync()).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 5 * 60_000 });
    expect(kit.server.requests.length).toBe(calls);
    kit.server.usagePercent = 40;
    kit.clock.now += 5 * 60_000;
    await expect(sync()).resolves.toMatchObject({ hasMore: expect.any(Boolean) });
    expect(kit.connector.limitsView().rateLimit).toMatchObject({ remaining: 60 });
  });

  it('an expired token is refreshed (ig_refresh_token), stored, and the sync goes on', async () => {
    kit = await startInstagramKit({ tokenAgeMs: 3 * DAY_MS });
    kit.server.seed(50);
    kit.server.failures.add(isMedia, expiredToken());
    await syncAll(kit.connector, {}, { now: kit.clock.now });
    expect(kit.server.received('GET', '/refresh_access_token')).toHaveLength(1);
    expect(kit.saved).toHaveLength(1);
    expect(kit.saved[0]).toMatchObject({ userId: BRAND.userId, issuedAt: kit.clock.now, expiresAt: kit.clock.now + 60 * DAY_MS });
    expect(kit.saved[0]?.accessToken).not.toBe(kit.secret.accessToken);
    expect(kit.server.received('GET', '/v25.0/me/media').at(-1)?.headers.authorization).toBe(`Bearer ${kit.saved[0]?.accessToken}`);
  });

  it('renews a token a week before its 60 days end, without waiting for a refusal', async () => {
    kit = await startInstagramKit({ tokenAgeMs: 55 * DAY_MS, expiresInMs: 5 * DAY_MS });
    kit.server.seed(20);
    await syncAll(kit.connector, {}, { now: kit.clock.now });
    expect(kit.saved).toHaveLength(1);
    expect(kit.server.received('GET', '/refresh_access_token')).toHaveLength(1);
  });

  it('a revoked grant is auth (the account needs reconnecting), refresh included', async () => {
    kit = await startInstagramKit();
    kit.server.seed(20);
    kit.server.revokeAll();
    await expect(sync()).rejects.toMatchObject({ kind: 'auth' });
    expect(kit.server.received('GET', '/refresh_access_token')).toHaveLength(1);
    expect(kit.saved).toEqual([]);
  });

  it('a 5xx is transient', async () => {
    kit = await startInstagramKit();
    kit.server.failures.add(isMedia, serverError());
    await expect(sync()).rejects.toMatchObject({ kind: 'transient' });
  });

  it('the live check reads who the account is, one media and one conversation, and moves nothing', async () => {
    kit = await startInstagramKit();
    kit.server.seed(30);
    const steps = await kit.connector.check(AbortSignal.timeout(10_000));
    expect(steps).toEqual([
      { step: 'account', ok: true, detail: `@${BRAND.username}` },
      { step: 'comments', ok: true, detail: '1 recent media read' },
      { step: 'messages', ok: true, detail: '1 conversation read' },
    ]);
    expect(kit.server.requests.every((request) => request.method === 'GET')).toBe(true);
  });
});
