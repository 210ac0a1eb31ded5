import { describe, expect, it } from 'vitest';
import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import { ConnectorError } from '../connector';
import { BRAND_USER, mentionPost, SEEDED_AUTHORS, snowflake } from './contract/xContractData';
import { withCursors, xSyncAll, xSyncRequest } from './contract/xTestKit';
import { xWorldPerTest } from './contract/xWorldPerTest';

// The X connector's sync against the X contract server (real HTTP on 127.0.0.1): the mentions
// timeline's backfill page by page, `since_id` afterwards, DM events once a minute, and a
// failure in the middle of a backfill.

const NOW = Date.parse('2026-12-05T12:00:00.000Z');
const { clock, open, current } = xWorldPerTest(NOW);
const itemsOf = (pages: { items: unknown[] }[]) => pages.flatMap((page) => page.items) as IncomingItemInput[];
const mentionsOf = (pages: { items: unknown[] }[]) => itemsOf(pages).filter((item) => item.kind === 'mention');
const mentionsCalls = () => current().server.received('GET', `/2/users/${BRAND_USER.id}/mentions`);
const WEEK_AGO = NOW - 7 * 86_400_000;

describe('X sync on the contract server', () => {
  it('backfills the mentions page by page down to the backfill start, with progress, then asks only for what is newer (since_id)', async () => {
    const { server, connector } = await open();
    // 250 mentions an hour apart: the 168 of the past week are taken, the older ones are not.
    server.seed(250, { newest: NOW - 60_000, spacingMs: 3_600_000 });
    const first = await connector.sync(xSyncRequest({ backfillSince: WEEK_AGO }));
    expect(first.hasMore).toBe(true);
    expect(mentionsOf([first])).toHaveLength(100);
    expect(first.progress).toBeGreaterThan(0);
    expect(first.progress).toBeLessThan(1);
    expect(first.cursors).toMatchObject({ mentionsPage: expect.any(String), mentionsTop: server.posts.at(-1)!.id });
    expect(first.cursors.mentions).toBeUndefined();
    expect(Object.fromEntries(mentionsCalls()[0]!.query)).toMatchObject({ max_results: '100', start_time: new Date(WEEK_AGO).toISOString().replace('.000Z', 'Z'), expansions: 'author_id,referenced_tweets.id', 'tweet.fields': expect.stringContaining('conversation_id') });

    const rest = await xSyncAll(connector, xSyncRequest({ backfillSince: WEEK_AGO, cursors: withCursors({}, first.cursors) }));
    const all = mentionsOf([first, ...rest.pages]);
    expect(all).toHaveLength(168);
    expect(new Set(all.map((item) => item.externalId)).size).toBe(168);
    expect(rest.cursors).toEqual({ mentions: server.posts.at(-1)!.id, dmsAt: String(NOW), dms: expect.any(String), recheckAt: String(NOW) });
    expect(rest.pages.at(-1)?.progress).toBe(1);

    const mention = all.find((item) => item.parentExternalId !== null)!;
    expect(mention).toMatchObject({ platform: 'x', kind: 'mention', direction: 'in', author: { handle: expect.stringMatching(/^@/u) }, permalink: expect.stringMatching(/^https:\/\/x\.com\/\w+\/status\/\d+$/u) });
    // A reply to an earlier mention joins that mention's conversation.
    expect(mention.threadExternalId).toBe(all.find((item) => item.externalId === mention.parentExternalId)?.threadExternalId);

    server.addPost(mentionPost({ id: snowflake(NOW, 999), author: SEEDED_AUTHORS[0]!, text: 'Nouveau message 🎉', lang: 'fr', at: NOW }));
    const next = await connector.sync(xSyncRequest({ cursors: rest.cursors }));
    expect(mentionsCalls().at(-1)?.query.get('since_id')).toBe(server.posts.at(-2)!.id);
    expect(mentionsCalls().at(-1)?.query.get('start_time')).toBeNull();
    expect(next.items).toMatchObject([{ externalId: snowflake(NOW, 999), text: '@brulerie Nouveau message 🎉', language: 'fr' }]);
    expect(next.cursors).toMatchObject({ mentions: snowflake(NOW, 999) });
  });

  it('X gives only the 800 newest mentions: a backfill of more ends there, complete', async () => {
    const { server, connector } = await open();
    server.seed(900, { newest: NOW - 60_000, spacingMs: 60_000 });
    const { pages, cursors } = await xSyncAll(connector, xSyncRequest({ backfillSince: WEEK_AGO }));
    expect(mentionsOf(pages)).toHaveLength(800);
    expect(mentionsCalls()).toHaveLength(8);
    expect(cursors.mentions).toBe(server.posts.at(-1)!.id);
  });

  it('reads DM events at most once a minute (X allows 15 per 15 minutes), newest first down to the newest already taken', async () => {
    const { server, connector } = await open();
    const early = server.addDm(SEEDED_AUTHORS[1]!, 'Hello, is my order shipped?', NOW - 3_600_000);
    const first = await connector.sync(xSyncRequest());
    expect(itemsOf([first]).filter((item) => item.kind === 'dm')).toMatchObject([{ externalId: early.id, threadExternalId: `dm:${early.dm_conversation_id}`, author: { handle: '@jsmith_coffee' }, text: 'Hello, is my order shipped?' }]);
    expect(first.cursors).toMatchObject({ dms: early.id, dmsAt: String(NOW) });
    expect(Object.fromEntries(server.received('GET', '/2/dm_events')[0]!.query)).toMatchObject({ event_types: 'MessageCreate', expansions: 'sender_id', 'dm_event.fields': expect.stringContaining('dm_conversation_id') });

    const later = server.addDm(SEEDED_AUTHORS[1]!, 'Allô? Any news?', NOW + 10_000);
    clock.now = NOW + 30_000;
    const soon = await connector.sync(xSyncRequest({ cursors: withCursors({ mentions: '1' }, first.cursors) }));
    expect(soon.items).toEqual([]);
    expect(server.received('GET', '/2/dm_events')).toHaveLength(1);

    clock.now = NOW + 61_000;
    const due = await connector.sync(xSyncRequest({ cursors: withCursors({ mentions: '1' }, first.cursors) }));
    expect(itemsOf([due]).map((item) => item.externalId)).toEqual([later.id]);
    expect(due.cursors).toMatchObject({ dms: later.id, dmsAt: String(NOW + 61_000) });
  });

  it('a page that fails mid-backfill stops the pass without moving a cursor; the next pass resumes where it was, nothing lost or taken twice', async () => {
    const { server, connector } = await open();
    server.seed(300, { newest: NOW - 60_000, spacingMs: 60_000 });
    const first = await connector.sync(xSyncRequest({ backfillSince: WEEK_AGO }));
    server.failures.add((request) => request.path.endsWith('/mentions'), { status: 503, body: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 } });
    const failed = await connector.sync(xSyncRequest({ backfillSince: WEEK_AGO, cursors: withCursors({}, first.cursors) })).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ConnectorError);
    expect(failed).toMatchObject({ kind: 'transient' });
    const rest = await xSyncAll(connector, xSyncRequest({ backfillSince: WEEK_AGO, cursors: withCursors({}, first.cursors) }));
    const ids = mentionsOf([first, ...rest.pages]).map((item) => item.externalId);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
  });

  it('once a day, looks the newest stored posts up again: one X no longer has is marked deleted', async () => {
    const { server, connector } = await open();
    server.seed(3, { newest: NOW - 60_000 });
    const first = await connector.sync(xSyncRequest());
    const recheck = mentionsOf([first]).map((item) => ({ externalId: item.externalId, ref: item.ref as Record<string, unknown> }));
    const gone = server.posts.splice(1, 1)[0]!;
    clock.now = NOW + 3_600_000;
    const sameDay = await connector.sync(xSyncRequest({ cursors: withCursors({}, first.cursors), recheck }));
    expect(sameDay.updates).toEqual([]);
    expect(server.received('GET', '/2/tweets')).toHaveLength(0);

    clock.now = NOW + 86_400_000;
    const nextDay = await connector.sync(xSyncRequest({ cursors: withCursors({}, first.cursors), recheck }));
    expect(nextDay.updates).toEqual([{ change: 'deleted', platform: 'x', externalId: gone.id, deletedAt: NOW + 86_400_000 }]);
    expect(server.received('GET', '/2/tweets')[0]?.query.get('ids')?.split(',')).toHaveLength(3);
    expect(nextDay.cursors).toMatchObject({ recheckAt: String(NOW + 86_400_000) });
  });

  it('a 200 with `errors` beside `data` keeps what it has; a malformed post is set aside with why, the rest of its page taken', async () => {
    const { server, connector } = await open();
    server.seed(3, { newest: NOW - 60_000 });
    const broken = { ...server.posts[1]!, created_at: 'not-a-date' };
    server.posts[1] = broken;
    server.failures.add((request) => request.path.endsWith('/mentions'), {
      body: {
        data: server.posts.slice().reverse(),
        includes: { users: [...SEEDED_AUTHORS] },
        errors: [{ resource_id: '1', resource_type: 'tweet', title: 'Not Found Error', detail: 'Could not find tweet with id: [1].', type: 'https://api.x.com/2/problems/resource-not-found' }],
        meta: { result_count: 3, newest_id: server.posts[2]!.id, oldest_id: server.posts[0]!.id },
      },
    });
    const page = await connector.sync(xSyncRequest());
    expect(mentionsOf([page])).toHaveLength(2);
    expect(page.rejected).toMatchObject([{ payload: { id: broken.id }, reason: expect.stringContaining('created_at') }]);
    expect(page.cursors.mentions).toBe(server.posts[2]!.id);
  });
});
