import { afterEach, describe, expect, it } from 'vitest';
import { serverError } from './contract/graphResponses';
import { BRAND } from './contract/instagramWorld';
import { applyPage, DAY_MS, startInstagramKit, syncAll, type SyncRun } from './contract/instagramTestKit';

// The connector's sync against the Instagram contract server over real HTTP: a backfill pages
// through media, comments and conversations as Meta pages them; later passes see only what is
// new; deletions and hidden states come back as updates.

let kit: Awaited<ReturnType<typeof startInstagramKit>>;
afterEach(() => kit.close());

/** What the platform shows the brand within the backfill: every comment and reply, and each conversation's 20 latest messages. */
function visibleIds(since: number): Set<string> {
  const ids = new Set<string>();
  for (const media of kit.server.world.media) for (const top of media.comments) for (const each of [top, ...top.replies]) if (each.at >= since) ids.add(each.id);
  for (const conversation of kit.server.world.conversations) for (const message of [...conversation.messages].sort((a, b) => b.at - a.at).slice(0, 20)) if (message.at >= since) ids.add(message.id);
  return ids;
}

describe('Instagram sync against the contract server', () => {
  it('backfills every comment, reply and DM of the window once, paging media comments and conversations as Meta does', async () => {
    kit = await startInstagramKit();
    kit.server.seed(2_000, { seed: 7 });
    const since = kit.clock.now - 7 * DAY_MS;
    const run = await syncAll(kit.connector, {}, { now: kit.clock.now, backfillSince: since });
    const ids = run.items.map((item) => item.externalId as string);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(visibleIds(since));
    expect(run.rejected).toEqual([]);
    // Meta's paging was followed: comments past 50 per media, conversations past 25.
    expect(kit.server.requests.some((request) => request.path.endsWith('/comments') && request.query.has('after'))).toBe(true);
    expect(kit.server.requests.some((request) => request.path.endsWith('/conversations') && request.query.has('after'))).toBe(true);
    // No Meta cursor is ever stored: only our marks and pass progress.
    expect(Object.values(run.cursors).join(' ')).not.toMatch(/after|https?:/u);
    const reply = run.items.find((item) => item.kind === 'reply');
    expect(reply).toMatchObject({ platform: 'instagram', parentExternalId: reply?.threadExternalId, post: { externalId: expect.any(String) } });
    expect(run.items.find((item) => item.kind === 'dm' && item.direction === 'out')).toMatchObject({ author: { externalId: BRAND.userId } });
  });

  it('a later pass reads only the media whose comments moved and the conversations with new messages', async () => {
    kit = await startInstagramKit();
    kit.server.seed(1_200, { seed: 3 });
    const first = await syncAll(kit.connector, {}, { now: kit.clock.now });
    kit.clock.now += 60_000;
    const media = kit.server.world.media[0];
    if (!media) throw new Error('seeded media expected');
    const comment = kit.server.world.addComment(media, 'Nouveau commentaire 🆕', kit.clock.now - 1_000, { id: '6000000000000099', username: 'nouvelle.cliente' });
    const conversation = kit.server.world.conversations[4];
    if (!conversation) throw new Error('seeded conversation expected');
    const message = kit.server.world.addMessage(conversation, 'Are you open today?', kit.clock.now - 500, false);
    const before = kit.server.requests.length;
    const second = await syncAll(kit.connector, first.cursors, { now: kit.clock.now });
    const newIds = new Set(second.items.map((item) => item.externalId));
    expect(newIds.has(comment.id) && newIds.has(message.id)).toBe(true);
    const read = kit.server.requests.slice(before);
    // The changed media and the newest (read every pass); one conversation’s messages.
    expect(read.filter((request) => request.path.endsWith('/comments') && !request.query.has('after')).length).toBe(2);
    expect(read.filter((request) => request.path.endsWith('/messages'))).toHaveLength(1);
  });

  it('gives deletions (with their replies) and hidden states of stored comments, and DMs unsent in a conversation read again, as updates', async () => {
    kit = await startInstagramKit();
    kit.server.seed(300, { seed: 5 });
    const first = await syncAll(kit.connector, {}, { now: kit.clock.now });
    const stored = first.items.map((item) => ({ externalId: item.externalId as string, ref: item.ref as Record<string, unknown> }));
    const newest = [...kit.server.world.media].sort((a, b) => b.at - a.at)[0];
    const withReplies = newest?.comments.find((top) => top.replies.length > 0);
    const other = newest?.comments.find((top) => top !== withReplies);
    if (!withReplies || !other) throw new Error('seeded comments expected');
    const replyId = withReplies.replies[0]?.id;
    kit.server.world.deleteComment(withReplies.id);
    other.hidden = true;
    const conversation = kit.server.world.conversations[0];
    const unsent = conversation?.messages.at(-1);
    if (!conversation || !unsent) throw new Error('seeded messages expected');
    conversation.messages.pop();
    kit.clock.now += 60_000;
    // Meta lists a conversation again when it has new activity: then its recent messages are compared.
    kit.server.world.addMessage(conversation, 'Oups, mauvais message', kit.clock.now - 1_000, false);
    const second = await syncAll(kit.connector, first.cursors, { now: kit.clock.now, recheck: stored });
    expect(second.updates).toEqual(
      expect.arrayContaining([
        { change: 'deleted', platform: 'instagram', externalId: withReplies.id, deletedAt: kit.clock.now },
        { change: 'deleted', platform: 'instagram', externalId: replyId, deletedAt: kit.clock.now },
        { change: 'hidden', platform: 'instagram', externalId: other.id, isHidden: true },
        { change: 'deleted', platform: 'instagram', externalId: unsent.id, deletedAt: kit.clock.now },
      ]),
    );
  });

  it('a page that fails mid-backfill is read again on the next try, with nothing lost and nothing twice', async () => {
    kit = await startInstagramKit();
    kit.server.seed(1_000, { seed: 11 });
    const since = kit.clock.now - 7 * DAY_MS;
    const run: SyncRun = { items: [], updates: [], rejected: [], cursors: {}, pages: 0 };
    // The fourth media's comments fail once with Meta's 500.
    let commentsCalls = 0;
    kit.server.failures.add((request) => request.path.endsWith('/comments') && !request.query.has('after') && ++commentsCalls === 4, serverError());
    let failures = 0;
    for (let hasMore = true; hasMore; ) {
      try {
        const page = await kit.connector.sync({ cursors: run.cursors, signal: AbortSignal.timeout(30_000), backfillSince: since, recheck: [] });
        applyPage(run, page);
        hasMore = page.hasMore;
      } catch (error) {
        expect(error).toMatchObject({ kind: 'transient' });
        failures += 1;
      }
    }
    expect(failures).toBe(1);
    const ids = run.items.map((item) => item.externalId as string);
    expect(new Set(ids)).toEqual(visibleIds(since));
    expect(ids.length).toBe(new Set(ids).size);
  });
});
