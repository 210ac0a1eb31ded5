import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../connector';
import { mentionPost, SEEDED_AUTHORS, snowflake } from './contract/xContractData';
import { problem } from './contract/xContractServer';
import { xReplyRequest, xSyncRequest } from './contract/xTestKit';
import { xWorldPerTest } from './contract/xWorldPerTest';
import { decodeXSecret } from './xSecret';

// What X answers when it refuses, on the contract server: its 429 with `x-rate-limit-reset`,
// an access token that has expired (refreshed, the new refresh token saved first), a revoked
// grant, its problem bodies (client-forbidden, usage-capped), a 5xx; and the monthly budget.

const NOW = Date.parse('2026-12-05T12:00:00.000Z');
const { clock, open } = xWorldPerTest(NOW);
const isMentions = (request: { path: string }) => request.path.endsWith('/mentions');
const failure = (error: unknown) => error;

describe('X errors on the contract server', () => {
  it('a 429 pauses the account until `x-rate-limit-reset`; the account shows the endpoint window with the fewest calls left', async () => {
    const { server, connector } = await open();
    const reset = Math.floor(NOW / 1000) + 600;
    server.failures.add(isMentions, { status: 429, headers: { 'x-rate-limit-limit': '300', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) }, body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 } });
    const limited = await connector.sync(xSyncRequest()).catch(failure);
    expect(limited).toBeInstanceOf(ConnectorError);
    expect(limited).toMatchObject({ kind: 'rate_limited', retryAfterMs: reset * 1000 - NOW });
    expect(connector.limitsView!().rateLimit).toEqual({ limit: 300, remaining: 0, resetsAt: reset * 1000 });
    // Mentions have 299 of 300 left now, DM events 14 of 15: the DMs' window is the one to watch.
    await connector.sync(xSyncRequest());
    expect(connector.limitsView!().rateLimit).toMatchObject({ limit: 15, remaining: 14 });
  });

  it('an expired access token is refreshed once, the rotated pair saved before it is used, and the sync goes on; a revoked grant is `auth`', async () => {
    const { server, connector, saved, secret } = await open({ accessTtlMs: 3_600_000 });
    server.seed(2, { newest: NOW - 60_000 });
    clock.now = NOW + 3_700_000;
    const page = await connector.sync(xSyncRequest());
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    expect(server.received('POST', '/2/oauth2/token').map((call) => call.body)).toEqual([{ grant_type: 'refresh_token', refresh_token: decodeXSecret(secret).refreshToken, client_id: 'pieuvre-test-client' }]);
    const renewed = decodeXSecret(saved[0]!);
    expect(renewed.refreshToken).not.toBe(decodeXSecret(secret).refreshToken);
    expect(renewed.expiresAt).toBe(clock.now + 3_600_000);
    // The request after the refresh carried the new token.
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${renewed.accessToken}`);

    server.oauth.revokeAll();
    const revoked = await connector.sync(xSyncRequest({ cursors: { mentions: '1', dmsAt: String(clock.now) } })).catch(failure);
    expect(revoked).toMatchObject({ kind: 'auth' });
    expect(server.received('POST', '/2/oauth2/token')).toHaveLength(2);
  });

  it('a 401 without a refresh token left is `auth` at once; 5xx is `transient`', async () => {
    const { server, connector } = await open();
    server.failures.add(isMentions, { status: 500, body: { title: 'Internal Server Error', type: 'about:blank', status: 500, detail: 'Internal Server Error' } });
    expect(await connector.sync(xSyncRequest()).catch(failure)).toMatchObject({ kind: 'transient' });
    server.failures.add(isMentions, { status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } }, 2);
    expect(await connector.sync(xSyncRequest()).catch(failure)).toMatchObject({ kind: 'auth' });
  });

  it('X’s problem bodies become permanent refusals that say what to do: an app without access, a usage cap', async () => {
    const { server, connector } = await open();
    server.failures.add(isMentions, problem(403, 'https://api.x.com/2/problems/client-forbidden', 'Client Forbidden', 'This request must be made using an approved developer account that is enrolled in the requested endpoint.', { reason: 'client-not-enrolled', required_enrollment: 'Appropriate Level of API Access' }));
    expect(await connector.sync(xSyncRequest()).catch(failure)).toMatchObject({ kind: 'permanent', message: expect.stringMatching(/does not have access.*approved developer account.*Developer Console/su) });
    server.failures.add(isMentions, problem(429, 'https://api.x.com/2/problems/usage-capped', 'UsageCapExceeded', 'Usage cap exceeded: Monthly product cap', { period: 'Monthly', scope: 'Product' }));
    expect(await connector.sync(xSyncRequest()).catch(failure)).toMatchObject({ kind: 'permanent', message: expect.stringContaining('usage cap is reached: Usage cap exceeded: Monthly product cap') });
  });

  it('DMs refused (no dm.read, or their 15 per 15 minutes spent) leave the mentions synced, with a notice, and are asked again after the reset', async () => {
    const { server, connector } = await open();
    server.seed(1, { newest: NOW - 60_000 });
    const reset = Math.floor(NOW / 1000) + 300;
    server.failures.add((request) => request.path === '/2/dm_events', { status: 429, headers: { 'x-rate-limit-reset': String(reset) }, body: { title: 'Too Many Requests', type: 'about:blank', status: 429, detail: 'Too Many Requests' } });
    const page = await connector.sync(xSyncRequest());
    expect(page.items.length).toBeGreaterThanOrEqual(1);
    expect(page.notice).toMatchObject({ code: 'dms_unavailable', message: expect.stringContaining('slow down') });
    // Next asked once the reset is a minute away no more.
    expect(Number(page.cursors.dmsAt) + 60_000).toBe(reset * 1000);
  });
});

describe('X live check', () => {
  it('says who the token is and reads five mentions, moving no cursor; a revoked grant fails its first step with what to do', async () => {
    const { server, connector } = await open();
    server.seed(7, { newest: NOW - 60_000 });
    const steps = await connector.check!(AbortSignal.timeout(5_000));
    expect(steps).toEqual([
      { step: expect.stringContaining('/2/users/me'), ok: true, detail: '@brulerie (2244994945)' },
      { step: expect.stringContaining('mentions'), ok: true, detail: expect.stringMatching(/^5 mentions read; spent this month: US\$0\.\d{3}$/u) },
    ]);
    expect(server.received('GET', '/2/users/2244994945/mentions')[0]?.query.get('max_results')).toBe('5');
    expect(server.requests.every((request) => request.method === 'GET' || request.path === '/2/oauth2/token')).toBe(true);

    server.oauth.revokeAll();
    clock.now = NOW + 8_000_000;
    expect(await connector.check!(AbortSignal.timeout(5_000))).toEqual([{ step: expect.stringContaining('/2/users/me'), ok: false, detail: expect.stringContaining('Sign in again') }]);
  });
});

describe('X monthly budget', () => {
  it('counts each call’s cost; polling stops with a notice while a reserve is kept for replies; replies go on until the budget is spent', async () => {
    const { server, connector, usage } = await open({ budget: 1.2 });
    const mention = server.addPost(mentionPost({ id: snowflake(NOW - 60_000, 1), author: SEEDED_AUTHORS[0]!, text: 'Allô!', at: NOW - 60_000 }));
    await connector.sync(xSyncRequest());
    // One post and its author read: US$0.005 + US$0.010 (DMs: none). Pages are cut to what the budget
    // can pay at the most an item costs (US$0.025) without touching the reserve: (1.2 − 0.12) / 0.025 → 43.
    expect(usage.periods.get('2026-12')).toBeCloseTo(0.015, 6);
    expect(server.received('GET', '/2/users/2244994945/mentions')[0]?.query.get('max_results')).toBe('43');
    expect(connector.limitsView!()).toMatchObject({ budget: { unit: 'usd', used: 0.015, limit: 1.2, resetsAt: Date.parse('2027-01-01T00:00:00.000Z'), isSlowed: false }, cannot: ['x_replies_need_mention', 'x_pay_per_use'] });

    usage.add('2026-12', 1.1);
    const stopped = await connector.sync(xSyncRequest());
    expect(stopped).toMatchObject({ items: [], cursors: {}, notice: { code: 'x_budget_spent', message: expect.stringContaining('kept for replies') } });
    expect(connector.limitsView!().budget?.isSlowed).toBe(true);
    const calls = server.requests.length;

    const ref = { id: mention.id, authorId: SEEDED_AUTHORS[0]!.id, conversationId: mention.id, isSummoned: true };
    await connector.reply(xReplyRequest({ inReplyToRef: ref, text: 'Bonjour!' }), AbortSignal.timeout(5_000));
    expect(server.repliesReceived()).toHaveLength(1);
    // A link would cost US$0.20: more than is left, refused before X is asked.
    await expect(connector.reply(xReplyRequest({ inReplyToRef: ref, text: 'Voyez brulerie.example' }), AbortSignal.timeout(5_000))).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('budget') });
    expect(server.requests.length).toBe(calls + 1);
  });
});
