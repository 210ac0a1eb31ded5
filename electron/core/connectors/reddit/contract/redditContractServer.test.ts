import { afterEach, describe, expect, it } from 'vitest';
import { redditUserAgent } from '../redditOrigins';
import { RedditContractServer } from './redditContractServer';
import { commentMessage, SEED_END_S } from './redditFixtures';

// The contract server pages and refuses as the reference says, whatever connector reads it.

let server: RedditContractServer;
afterEach(() => server.close());

type Listing = { data: { children: { data: { name: string; body: string } }[]; after: string | null; before: string | null } };

async function get(path: string, token: string | null, userAgent = redditUserAgent('brulerie_mtl')): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, { headers: { 'user-agent': userAgent, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe('Reddit contract server', () => {
  it('pages the inbox with after (older) and before (newer) fullnames, limit at most 100', async () => {
    server = await RedditContractServer.start();
    const inbox = server.seed(250);
    const { accessToken } = server.issueTokens();
    const first = (await get('/message/inbox?limit=500&raw_json=1', accessToken)).body as Listing;
    expect(first.data.children).toHaveLength(100);
    expect(first.data).toMatchObject({ after: inbox[99]!.data.name, before: null });
    const last = (await get(`/message/inbox?limit=100&after=${String(inbox[199]!.data.name)}&raw_json=1`, accessToken)).body as Listing;
    expect(last.data.children.map((child) => child.data.name)).toEqual(inbox.slice(200).map((thing) => thing.data.name));
    expect(last.data.after).toBeNull();
    const newer = (await get(`/message/inbox?limit=10&before=${String(inbox[50]!.data.name)}&raw_json=1`, accessToken)).body as Listing;
    expect(newer.data.children.map((child) => child.data.name)).toEqual(inbox.slice(40, 50).map((thing) => thing.data.name));
  });

  it('escapes &, < and > unless raw_json=1, counts calls in its rate-limit headers, and refuses a missing token or a generic User-Agent', async () => {
    server = await RedditContractServer.start({ rateLimit: 5 });
    server.arrive(commentMessage('e1', { createdS: SEED_END_S, body: 'Fish & <chips>' }));
    const { accessToken } = server.issueTokens();
    const escaped = await get('/message/inbox', accessToken);
    expect((escaped.body as Listing).data.children[0]?.data.body).toBe('Fish &amp; &lt;chips&gt;');
    expect(((await get('/message/inbox?raw_json=1', accessToken)).body as Listing).data.children[0]?.data.body).toBe('Fish & <chips>');
    expect(escaped.headers.get('x-ratelimit-used')).toBe('1');
    expect(Number(escaped.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    expect((await get('/message/inbox', null)).status).toBe(401);
    expect((await get('/message/inbox', accessToken, 'node')).status).toBe(429);
    server.setCallsLeft(0);
    expect(await get('/message/inbox', accessToken)).toMatchObject({ status: 429, body: { message: 'Too Many Requests', error: 429 } });
  });
});
