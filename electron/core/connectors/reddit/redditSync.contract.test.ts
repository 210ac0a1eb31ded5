import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import { syncAll, syncRequest } from '../../testing/snacMastodon';
import { ConnectorError, type Connector, type SyncPage } from '../connector';
import { openRedditConnector } from './contract/openRedditConnector';
import type { RedditContractServer } from './contract/redditContractServer';
import { commentMessage, privateMessage, SEED_END_S } from './contract/redditFixtures';
import { INBOX_CURSOR, WALK_CURSOR } from './redditSync';

// The Reddit connector's inbox sync against the contract server (real HTTP on 127.0.0.1).

let server: RedditContractServer;
let connector: Connector;
afterEach(async () => {
  connector.close();
  await server.close();
});

async function open(seeded: number): Promise<void> {
  ({ server, connector } = await openRedditConnector());
  server.seed(seeded, 7);
}

const names = (pages: SyncPage[]) => pages.flatMap((page) => page.items as IncomingItemInput[]).map((item) => item.externalId);
const inboxCalls = () => server.received('GET', '/message/inbox');
const createdS = (index: number) => Number(server.inbox[index]!.data.created_utc);

describe('Reddit inbox sync', () => {
  it('backfills page by page (100 a page, `after` the last fullname) down to the backfill limit, with progress, then sets its high-water mark', async () => {
    await open(320);
    const backfillSince = createdS(249) * 1000;
    const first = await connector.sync(syncRequest({ backfillSince }));
    expect(first).toMatchObject({ hasMore: true });
    expect(first.items).toHaveLength(100);
    expect(first.progress).toBeGreaterThan(0);
    expect(first.progress).toBeLessThan(1);
    expect(first.cursors[INBOX_CURSOR]).toBeUndefined();

    const rest = await syncAll(connector, syncRequest({ backfillSince, cursors: first.cursors as Record<string, string> }));
    const all = [...names([first]), ...names(rest.pages)];
    expect(all).toEqual(server.inbox.slice(0, 250).map((thing) => thing.data.name));
    expect(rest.pages.at(-1)?.progress).toBe(1);
    expect(rest.cursors[WALK_CURSOR]).toBeUndefined();
    expect(JSON.parse(rest.cursors[INBOX_CURSOR]!)).toEqual({ name: server.inbox[0]!.data.name, at: createdS(0) * 1000 });
    expect(inboxCalls().map((call) => [call.query.get('limit'), call.query.get('mark'), call.query.get('after')])).toEqual([
      ['100', 'false', null],
      ['100', 'false', server.inbox[99]!.data.name],
      ['100', 'false', server.inbox[199]!.data.name],
    ]);
  });

  it('afterwards takes only what is newer than its mark, and walks a gap longer than a page without moving the mark until it is filled', async () => {
    await open(30);
    const start = await syncAll(connector, syncRequest({ backfillSince: 0 }));
    expect(names(start.pages)).toHaveLength(30);

    server.arrive(commentMessage('zz1', { createdS: SEED_END_S + 60, body: 'Nouveau!' }));
    server.arrive(privateMessage('zz2', { createdS: SEED_END_S + 120 }));
    const next = await syncAll(connector, syncRequest({ cursors: start.cursors }));
    expect(names(next.pages)).toEqual(['t4_zz2', 't1_zz1']);

    for (let index = 0; index < 150; index++) server.arrive(commentMessage(`y${index.toString(36)}`, { createdS: SEED_END_S + 200 + index }));
    const gap = await connector.sync(syncRequest({ cursors: next.cursors }));
    expect(gap.hasMore).toBe(true);
    // The mark stays where it was until the walk reaches it.
    expect(gap.cursors[INBOX_CURSOR]).toBeUndefined();
    const rest = await syncAll(connector, syncRequest({ cursors: { ...next.cursors, [WALK_CURSOR]: gap.cursors[WALK_CURSOR]! } }));
    const taken = [...names([gap]), ...names(rest.pages)];
    expect(taken).toHaveLength(150);
    expect(new Set(taken).size).toBe(150);
    expect(JSON.parse(rest.cursors[INBOX_CURSOR]!).name).toBe('t1_y45');
  });

  it('a page that fails mid-backfill (500) is transient and the next pass resumes from the same page: nothing lost, nothing twice', async () => {
    await open(250);
    const first = await connector.sync(syncRequest({ backfillSince: 0 }));
    server.failures.add((request) => request.path === '/message/inbox', { status: 500, body: { message: 'Internal Server Error', error: 500 } });
    const failed = await connector.sync(syncRequest({ backfillSince: 0, cursors: first.cursors as Record<string, string> })).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ConnectorError);
    expect(failed).toMatchObject({ kind: 'transient' });
    const rest = await syncAll(connector, syncRequest({ backfillSince: 0, cursors: first.cursors as Record<string, string> }));
    const all = [...names([first]), ...names(rest.pages)];
    expect(all).toHaveLength(250);
    expect(new Set(all).size).toBe(250);
  });

  it('a walk whose anchor was deleted meanwhile (Reddit then answers `after` with nothing) starts over from the top and loses nothing', async () => {
    await open(250);
    const first = await connector.sync(syncRequest({ backfillSince: 0 }));
    const [deleted] = server.inbox.splice(99, 1);
    const rest = await syncAll(connector, syncRequest({ backfillSince: 0, cursors: first.cursors as Record<string, string> }));
    const all = new Set([...names([first]), ...names(rest.pages)]);
    expect([...server.inbox.map((thing) => String(thing.data.name))].filter((name) => !all.has(name))).toEqual([]);
    expect(inboxCalls().map((call) => call.query.get('after')).slice(0, 3)).toEqual([null, deleted!.data.name, null]);
  });

  it('files comment replies and mentions under their post, private messages under their thread, the brand’s own as outgoing', async () => {
    ({ server, connector } = await openRedditConnector());
    server.arrive(privateMessage('pm1', { createdS: SEED_END_S, body: 'Bonjour, vous livrez à Québec? 🙏', subject: 'Livraison' }));
    server.arrive(privateMessage('pm2', { createdS: SEED_END_S + 1, author: 'brulerie_mtl', body: 'Oui!', replyTo: 't4_pm1' }));
    server.arrive(commentMessage('c1', { type: 'username_mention', createdS: SEED_END_S + 2, post: 'abc12', body: 'Ask u/brulerie_mtl & <friends>' }));
    const [mention, reply, first] = (await connector.sync(syncRequest({ backfillSince: 0 }))).items as IncomingItemInput[];
    expect(mention).toMatchObject({ kind: 'mention', threadExternalId: 't3_abc12', text: 'Ask u/brulerie_mtl & <friends>', author: { handle: 'u/tremblay_j' }, post: { externalId: 't3_abc12' }, permalink: 'https://www.reddit.com/r/montreal/comments/abc12/nouvelle_torrefaction/c1/' });
    expect(reply).toMatchObject({ kind: 'dm', direction: 'out', threadExternalId: 't4_pm1', parentExternalId: 't4_pm1', text: 'Oui!' });
    expect(first).toMatchObject({ kind: 'dm', direction: 'in', threadExternalId: 't4_pm1', text: 'Livraison\n\nBonjour, vous livrez à Québec? 🙏', createdAt: SEED_END_S * 1000 });
  });

  it('rereads stored comments for edits, deletions and removals', async () => {
    await open(5);
    const start = await syncAll(connector, syncRequest({ backfillSince: 0 }));
    const comments = [...server.comments.values()];
    expect(comments.length).toBeGreaterThanOrEqual(3);
    const [edited, deleted, removed] = comments as [typeof comments[0], typeof comments[0], typeof comments[0]];
    Object.assign(edited, { body: 'Édité : finalement tout est correct', edited: SEED_END_S + 500 });
    deleted.deleted = true;
    server.removed.set(removed.name, 'removed');
    const recheck = comments.map((comment) => ({ externalId: comment.name, ref: null }));
    const page = await connector.sync(syncRequest({ cursors: start.cursors, recheck }));
    expect(server.received('GET', '/api/info').at(-1)?.query.get('id')).toBe(comments.map((comment) => comment.name).join(','));
    expect(page.updates).toEqual(
      expect.arrayContaining([
        { change: 'edited', platform: 'reddit', externalId: edited.name, text: 'Édité : finalement tout est correct', editedAt: (SEED_END_S + 500) * 1000 },
        { change: 'deleted', platform: 'reddit', externalId: deleted.name, deletedAt: expect.any(Number) },
        { change: 'hidden', platform: 'reddit', externalId: removed.name, isHidden: true },
      ]),
    );
  });

  it('where the account moderates, takes the comments waiting in the moderation queue into their post’s conversation', async () => {
    ({ server, connector } = await openRedditConnector());
    server.queueComment('t1_q1', { author: 'troll_42', body: 'Boycott this garbage café', subreddit: 'montreal', post: 'zz9', createdS: SEED_END_S });
    server.queueComment('t1_q2', { author: 'someone', body: 'Elsewhere', subreddit: 'quebec', post: 'yy8', createdS: SEED_END_S });
    const page = await connector.sync(syncRequest({ backfillSince: 0 }));
    expect(page.items).toEqual([expect.objectContaining({ externalId: 't1_q1', kind: 'comment', threadExternalId: 't3_zz9', author: expect.objectContaining({ handle: 'u/troll_42' }), post: expect.objectContaining({ externalId: 't3_zz9' }) })]);
    expect(server.received('GET', '/r/mod/about/modqueue')[0]?.query.get('only')).toBe('comments');

    connector.close();
    await server.close();
    ({ server, connector } = await openRedditConnector());
    server.moderated = new Set();
    await connector.sync(syncRequest({ backfillSince: 0 }));
    expect(server.received('GET', '/r/mod/about/modqueue')).toEqual([]);
  });

  it('rejects an inbox item it cannot read, with why, and takes the rest', async () => {
    ({ server, connector } = await openRedditConnector());
    server.arrive(commentMessage('ok1', { createdS: SEED_END_S }));
    const broken = commentMessage('bad1', { createdS: SEED_END_S + 1 });
    broken.data.context = '';
    server.arrive(broken);
    const page = await connector.sync(syncRequest({ backfillSince: 0 }));
    expect(names([page])).toEqual(['t1_ok1']);
    expect(page.rejected).toEqual([{ payload: expect.anything(), reason: 'comment message: its context names no post' }]);
  });
});
