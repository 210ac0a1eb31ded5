import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, Cursors, SyncRequest } from '../connector';
import { FacebookContractServer } from './contract/facebookContractServer';
import { openContractConnector, syncPass } from './contract/facebookTestKit';
import { FOLLOW_EVERY_MS } from '../meta/followedParents';

// Comments under posts older than the backfill window keep arriving while their conversation is
// alive: the posts of comments stored in the last 30 days are checked every 15 minutes (#13).

const DAY_MS = 86_400_000;
const BACKFILL_MS = 7 * DAY_MS;
let now = Date.parse('2026-12-05T15:00:00Z');
let server: FacebookContractServer;
let connector: Connector;
afterEach(async () => {
  connector?.close();
  await server?.close();
});

type Synced = { externalId: string; text: string; ref: Record<string, unknown> };

/** A pass as the engine runs it: the window back from now, the newest comments stored as `recheck`. */
async function pass(cursors: Cursors, stored: Synced[]) {
  const recheck: SyncRequest['recheck'] = [...stored].reverse().map((item) => ({ externalId: item.externalId, ref: item.ref }));
  const run = await syncPass(connector, cursors, now - BACKFILL_MS, recheck);
  return { cursors: run.cursors, items: run.items as unknown as Synced[] };
}

describe('Facebook comments under older posts', () => {
  it('still arrive once the post is past the backfill window, checked on a slower cadence, and not once the conversation is over 30 days old', async () => {
    now = Date.parse('2026-12-05T15:00:00Z');
    server = await FacebookContractServer.start({ now: () => now });
    connector = openContractConnector(server, { now: () => now }).connector;
    const postId = `${server.page.id}_900777`;
    server.posts.push({ id: postId, message: 'Nos heures des Fêtes', createdAt: now - 3 * DAY_MS, updatedAt: now - 3 * DAY_MS });
    server.comment(postId, 'Ouvert le 26?', { at: now - DAY_MS });
    const first = await pass({}, []);
    const stored = [...first.items];
    expect(stored.map((item) => item.text)).toEqual(['Ouvert le 26?']);

    // Ten days later the post is out of the 7-day window; its thread goes on.
    now += 10 * DAY_MS;
    server.comment(postId, 'Et le 2 janvier?', { at: now - 60_000 });
    const second = await pass(first.cursors, stored);
    expect(second.items.map((item) => item.text)).toEqual(['Et le 2 janvier?']);
    stored.push(...second.items);
    expect(server.received('GET', `/v26.0/${server.page.id}/feed`).at(-1)?.query.get('since')).toBe(String(Math.floor((now - BACKFILL_MS) / 1000)));

    // Within 15 minutes the older post is not asked again; after, it is.
    server.comment(postId, 'Merci!', { at: now + 1_000 });
    now += 2_000;
    expect((await pass(second.cursors, stored)).items).toEqual([]);
    now += FOLLOW_EVERY_MS;
    const third = await pass(second.cursors, stored);
    expect(third.items.map((item) => item.text)).toEqual(['Merci!']);
    stored.push(...third.items);

    // A conversation silent for over 30 days is no longer followed.
    now += 31 * DAY_MS;
    server.comment(postId, 'Allo?', { at: now - 60_000 });
    expect((await pass(third.cursors, stored)).items).toEqual([]);
  });

  it('drops a followed post Facebook says is gone, and still reads the others', async () => {
    now = Date.parse('2026-12-05T15:00:00Z');
    server = await FacebookContractServer.start({ now: () => now });
    connector = openContractConnector(server, { now: () => now }).connector;
    const [kept, gone] = [`${server.page.id}_900801`, `${server.page.id}_900802`];
    for (const id of [kept, gone]) server.posts.push({ id, message: 'Post', createdAt: now - 3 * DAY_MS, updatedAt: now - 3 * DAY_MS });
    server.comment(kept, 'Premier', { at: now - DAY_MS });
    server.comment(gone, 'Deuxième', { at: now - DAY_MS });
    const first = await pass({}, []);
    now += 10 * DAY_MS;
    server.posts = server.posts.filter((post) => post.id !== gone);
    server.comment(kept, 'Toujours là', { at: now - 60_000 });
    expect((await pass(first.cursors, first.items)).items.map((item) => item.text)).toEqual(['Toujours là']);
  });
});
