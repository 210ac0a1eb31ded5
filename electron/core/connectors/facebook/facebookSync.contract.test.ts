import { afterEach, describe, expect, it } from 'vitest';
import type { Connector } from '../connector';
import { FacebookContractServer } from './contract/facebookContractServer';
import { serverError } from './contract/graphAnswers';
import { openContractConnector, syncPass, syncRequest } from './contract/facebookTestKit';

// The connector against the Graph contract server (real HTTP on 127.0.0.1): backfill with paging,
// incremental passes from the high-water marks, edits, deletions and hidden state.

const DAY_MS = 86_400_000;
const NOW = Date.now();
const SINCE = NOW - 7 * DAY_MS;
let server: FacebookContractServer;
let connector: Connector;
afterEach(async () => {
  connector?.close();
  await server?.close();
});

async function start(count: number) {
  server = await FacebookContractServer.start();
  server.seed(count);
  connector = openContractConnector(server).connector;
}

describe('Facebook sync on the Graph contract server', () => {
  it('backfills every comment and message of the window, page after page, each once, without storing a Graph cursor', async () => {
    await start(400);
    // One post busy enough to take two pages of comments (Graph gives 100 a page).
    const busy = server.posts[0]!.id;
    for (let index = 0; index < 130; index++) server.comment(busy, `Commentaire ${index}`, { at: NOW - DAY_MS + index * 1000 });
    const pass = await syncPass(connector, {}, SINCE);
    const ids = pass.items.map((item) => item.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(server.comments.length + server.conversations.reduce((sum, conversation) => sum + conversation.messages.length, 0));
    expect(pass.items.filter((item) => item.kind === 'dm')).toHaveLength(80);
    expect(pass.items.filter((item) => item.kind === 'reply').length).toBeGreaterThan(0);
    expect(server.received('GET', `/v26.0/${busy}/comments`).some((request) => request.query.has('after'))).toBe(true);
    expect(server.received('GET', /\/comments$/u).every((request) => request.query.get('filter') === 'stream' && request.query.get('order') === 'reverse_chronological')).toBe(true);
    expect(pass.pages.at(-1)?.progress).toBe(1);
    expect(Object.keys(pass.cursors).sort()).toEqual(['comments', 'dms']);
    expect(Object.values(pass.cursors).join()).not.toMatch(/after|offset/u);
  });

  it('then reads only what is new: a comment, a reply and a message written since', async () => {
    await start(200);
    const first = await syncPass(connector, {}, SINCE);
    expect((await syncPass(connector, first.cursors, SINCE)).items).toEqual([]);
    const post = server.posts[1]!;
    // The same second: the comment still comes before its reply.
    const comment = server.comment(post.id, 'Nouveau commentaire 🎉', { at: NOW - 1_000 });
    server.comment(post.id, 'Et une réponse', { parentId: comment.id, at: NOW - 1_000 });
    server.message(server.conversations[0]!.id, 'Allo? Vous êtes là?');
    const next = await syncPass(connector, first.cursors, SINCE);
    expect(next.items.map((item) => [item.kind, (item as unknown as { text: string }).text])).toEqual([
      ['comment', 'Nouveau commentaire 🎉'],
      ['reply', 'Et une réponse'],
      ['dm', 'Allo? Vous êtes là?'],
    ]);
  });

  it('notices edits, deletions and hidden comments by reading the latest ones again', async () => {
    await start(50);
    const first = await syncPass(connector, {}, SINCE);
    const recheck = first.items.filter((item) => item.kind !== 'dm').map((item) => ({ externalId: item.externalId, ref: item.ref }));
    const [edited, deleted, hidden] = [server.comments[0]!, server.comments[1]!, server.comments[2]!];
    edited.message = 'Finalement, tout est correct.';
    hidden.isHidden = true;
    server.comments = server.comments.filter((comment) => comment.id !== deleted.id);
    const next = await syncPass(connector, first.cursors, SINCE, recheck);
    const updates = next.pages.flatMap((page) => page.updates);
    expect(updates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ change: 'deleted', externalId: deleted.id }),
        expect.objectContaining({ change: 'edited', externalId: edited.id, text: 'Finalement, tout est correct.' }),
        expect.objectContaining({ change: 'hidden', externalId: hidden.id, isHidden: true }),
      ]),
    );
    expect(updates).toHaveLength(3);
  });

  it('an empty Page moves its marks with the window: the next pass does not read from the old start again', async () => {
    server = await FacebookContractServer.start();
    connector = openContractConnector(server).connector;
    const first = await syncPass(connector, {}, SINCE);
    expect(JSON.parse(first.cursors.comments!)).toEqual({ t: SINCE, ids: [] });
    const later = SINCE + DAY_MS;
    const next = await syncPass(connector, first.cursors, later);
    expect(JSON.parse(next.cursors.comments!)).toEqual({ t: later, ids: [] });
    expect(JSON.parse(next.cursors.dms!)).toEqual({ t: later, ids: [] });
  });

  it('a page that fails mid-backfill is read again on the next call: nothing lost, nothing twice', async () => {
    await start(300);
    let cursors: Record<string, string> = {};
    const taken: string[] = [];
    let failures = 0;
    server.failures.add((request) => request.path.endsWith('/comments') && server.received('GET', /\/comments$/u).length === 3, serverError());
    for (let calls = 0; calls < 100; calls++) {
      try {
        const page = await connector.sync(syncRequest(cursors, SINCE));
        taken.push(...page.items.map((item) => (item as { externalId: string }).externalId));
        cursors = Object.fromEntries(Object.entries({ ...cursors, ...page.cursors }).filter((entry): entry is [string, string] => entry[1] !== null));
        if (!page.hasMore) break;
      } catch (error) {
        failures += 1;
        expect(error).toMatchObject({ kind: 'transient' });
      }
    }
    expect(failures).toBe(1);
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken).toHaveLength(300);
  });
});
