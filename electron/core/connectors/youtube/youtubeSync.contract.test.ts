import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import { syncAll } from '../../testing/snacMastodon';
import type { SyncRequest } from '../connector';
import { YoutubeContractServer } from './contract/youtubeContractServer';
import { BACKEND_ERROR, BRAND_CHANNEL, googleError } from './contract/youtubeResources';
import { openYoutube } from './contract/youtubeTestKit';

// The connector's sync against the YouTube contract server: paging, marks, replies past the
// embedded five, held comments, edits and deletions, a failure mid-backfill.

const NOW = Date.parse('2026-12-05T18:00:00.000Z');
const DAY = 86_400_000;
let server: YoutubeContractServer;
afterEach(() => server?.close());

const request = (overrides: Partial<SyncRequest> = {}): SyncRequest => ({ cursors: {}, signal: AbortSignal.timeout(10_000), backfillSince: NOW - 30 * DAY, recheck: [], ...overrides });
const items = (pages: { items: unknown[] }[]) => pages.flatMap((page) => page.items) as IncomingItemInput[];
const ids = (pages: { items: unknown[] }[]) => items(pages).map((item) => item.externalId);
const threadCalls = () => server.requests.filter((each) => each.path === '/youtube/v3/commentThreads');

async function start(count: number, spacingMs = 60_000) {
  server = await YoutubeContractServer.start({ now: () => NOW });
  server.seed(count, { newest: NOW - 60_000, spacingMs });
  return openYoutube(server, { now: () => NOW });
}

describe('YouTube sync on the contract server', () => {
  it('backfills every comment page by page, replies past the embedded five included, then asks only for what is newer', async () => {
    const { connector } = await start(250);
    const all = await syncAll(connector, request());
    const seen = ids(all.pages);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(250);
    expect(threadCalls()[0]?.query.toString()).toBe(`part=snippet%2Creplies&allThreadsRelatedToChannelId=${BRAND_CHANNEL.id}&order=time&maxResults=100&textFormat=plainText`);
    expect(threadCalls().filter((each) => each.query.has('pageToken')).length).toBeGreaterThan(0);
    expect(server.requests.some((each) => each.path === '/youtube/v3/comments' && each.query.has('parentId'))).toBe(true);
    const newestPublished = Math.max(...items(all.pages).map((item) => item.createdAt));
    expect(all.cursors).toEqual({ threads: expect.any(String), held: expect.any(String) });
    expect(Number(all.cursors.threads)).toBeLessThanOrEqual(newestPublished);
    expect(all.pages.at(-1)).toMatchObject({ hasMore: false });
    const sample = items(all.pages).find((item) => item.kind === 'reply')!;
    expect(sample).toMatchObject({ platform: 'youtube', direction: 'in', parentExternalId: sample.threadExternalId, post: { externalId: expect.any(String), permalink: expect.stringMatching(/^https:\/\/www\.youtube\.com\/watch\?v=/) } });

    server.addComment({ text: 'Nouveau commentaire 🎉', publishedAt: NOW - 1_000 });
    server.addComment({ text: 'Another one', publishedAt: NOW - 500 });
    const next = await syncAll(connector, request({ cursors: all.cursors }));
    expect(items(next.pages).map((item) => item.text).sort()).toEqual(['Another one', 'Nouveau commentaire 🎉']);
    expect(next.cursors.threads).toBe(String(NOW - 500));
  });

  it('reads back only to the backfill limit, with progress on the way', async () => {
    const { connector } = await start(300, 3_600_000);
    const first = await connector.sync(request({ backfillSince: NOW - 10 * DAY }));
    expect(first.hasMore).toBe(true);
    expect(first.progress).toBeGreaterThan(0);
    expect(first.progress).toBeLessThan(1);
    const all = await syncAll(connector, request({ backfillSince: NOW - 10 * DAY }));
    const times = items(all.pages).map((item) => item.createdAt);
    // A thread is taken whole: its top-level comment may be a few hours older than the limit.
    expect(Math.min(...times)).toBeGreaterThan(NOW - 10 * DAY - 3_600_000 * 8);
    expect(times.length).toBeLessThan(300);
  });

  it('resumes a backfill that failed mid-way from its last finished page, losing and doubling nothing', async () => {
    const { connector } = await start(260);
    const first = await connector.sync(request());
    server.failures.add((each) => each.path === '/youtube/v3/commentThreads', BACKEND_ERROR);
    await expect(connector.sync(request({ cursors: first.cursors as Record<string, string> }))).rejects.toMatchObject({ kind: 'transient' });
    const rest = await syncAll(connector, request({ cursors: first.cursors as Record<string, string> }));
    const seen = [...ids([first]), ...ids(rest.pages)];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(260);
  });

  it('starts the walk again when YouTube no longer takes its page token, the mark untouched', async () => {
    const { connector } = await start(150);
    const page = await connector.sync(request({ cursors: { threads: String(NOW - DAY), 'threads.page': 'bm90LWEtdGhyZWFk', 'threads.top': String(NOW - 60_000) } }));
    expect(page).toMatchObject({ items: [], hasMore: true, cursors: { 'threads.page': null, 'threads.top': null } });
    expect(page.cursors.threads).toBeUndefined();
  });

  it('takes held comments as hidden items from their own stream, and notices edits, deletions, releases and new replies of recent ones', async () => {
    server = await YoutubeContractServer.start({ now: () => NOW });
    const oldest = server.addComment({ text: 'Premier!', publishedAt: NOW - 40_000 });
    const middle = server.addComment({ text: 'Vous ouvrez quand?', publishedAt: NOW - 30_000 });
    const answer = server.addComment({ text: 'À 7 h, je crois', threadId: middle.id, publishedAt: NOW - 25_000 });
    const newest = server.addComment({ text: 'Samedi, alors?', publishedAt: NOW - 20_000 });
    const held = server.addComment({ text: 'Achetez des abonnés ici http://spam.example', publishedAt: NOW - 10_000, moderationStatus: 'heldForReview' });
    const { connector } = openYoutube(server, { now: () => NOW });
    const all = await syncAll(connector, request());
    expect(items(all.pages)).toHaveLength(5);
    const page = all.pages.find((each) => each.items.some((item) => (item as IncomingItemInput).externalId === held.id))!;
    expect(page.updates).toContainEqual({ change: 'hidden', platform: 'youtube', externalId: held.id, isHidden: true });
    expect(server.requests.some((each) => each.query.get('moderationStatus') === 'heldForReview')).toBe(true);

    Object.assign(server.comment(newest.id)!, { text: 'Finalement, samedi.', updatedAt: NOW - 1_000 });
    server.remove(answer.id);
    // Released in YouTube Studio.
    server.comment(held.id)!.moderationStatus = 'published';
    // A reply to a thread older than the mark: order=time does not bring that thread back first.
    const late = server.addComment({ text: 'Je réponds tard', threadId: oldest.id, publishedAt: NOW - 2_000 });
    // What the engine hands back: the recent messages stored, newest first.
    const recheck = items(all.pages).reverse().map((item) => ({ externalId: item.externalId, ref: item.ref! }));
    // The first pass above already rechecked: a fresh connector looks at once.
    const { connector: later } = openYoutube(server, { now: () => NOW });
    const next = await syncAll(later, request({ cursors: all.cursors, recheck }));
    // The released and the edited comments come again from the walk (ingest counts the first a duplicate, takes the second's edit time as the edit); the late reply from the recheck.
    expect(items(next.pages).map((item) => [item.externalId, item.text, item.editedAt])).toEqual([
      [held.id, held.text, null],
      [newest.id, 'Finalement, samedi.', NOW - 1_000],
      [late.id, 'Je réponds tard', null],
    ]);
    expect(next.pages.flatMap((each) => each.updates)).toEqual([
      { change: 'hidden', platform: 'youtube', externalId: held.id, isHidden: false },
      { change: 'edited', platform: 'youtube', externalId: newest.id, text: 'Finalement, samedi.', editedAt: NOW - 1_000 },
      { change: 'deleted', platform: 'youtube', externalId: answer.id, deletedAt: NOW },
    ]);
  });


  it('goes on with the published comments when the sign-in may not list held ones, and stops asking for them', async () => {
    const { connector } = await start(3);
    const isHeld = (each: { query: URLSearchParams }) => each.query.get('moderationStatus') === 'heldForReview';
    server.failures.add(isHeld, googleError(403, 'forbidden', 'The request is not properly authorized to retrieve the specified comment threads.'));
    const all = await syncAll(connector, request());
    expect(items(all.pages)).toHaveLength(3);
    expect(all.cursors).not.toHaveProperty('next');
    await syncAll(connector, request({ cursors: all.cursors }));
    expect(server.requests.filter(isHeld)).toHaveLength(1);
  });
});
