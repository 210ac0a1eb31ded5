import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../shared/domain/entities';
import { conversationFixture } from './conversationFixture';
import { leftRows, mergeHeld } from './heldArrivals';

const conversation = conversationFixture;
/** Newest first, as the core lists them: the first id has the latest message. */
const list = (...ids: string[]) => ids.map((id, index) => conversation(id, { lastMessageAt: 1_000 - index }));
const ids = (items: Conversation[]) => items.map((c) => c.id);
const complete = (items: Conversation[]) => ({ items, hasMore: false });
const none = new Map<string, Conversation>();

describe('a refresh while someone works in the list: no row they see moves', () => {
  const shown = list('a', 'b', 'c', 'd');

  it.each([
    ['a new conversation above the rows', ['new1', 'a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'], ['new1']],
    ['a new conversation among them (an older one back in the view)', ['a', 'b', 'c', 'new1', 'd'], ['a', 'b', 'c', 'd'], ['new1']],
    ['a new message lifting a row from below to the top', ['d', 'a', 'b', 'c'], ['a', 'b', 'c', 'd'], ['d']],
    ['a new message re-sorting two rows below', ['a', 'b', 'd', 'c'], ['a', 'b', 'c', 'd'], ['d']],
    ['a new message in the first row, which stays first', ['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'], []],
  ])('%s: the rows keep their places, what would move them is announced', (_, pageIds, shownIds, held) => {
    const merged = mergeHeld(shown, complete(list(...pageIds)), [], none);
    expect([ids(merged.items), merged.heldIds]).toEqual([shownIds, held]);
  });

  it('shows each row as it is now in its old slot: a lifted one with its new message', () => {
    const page = [conversation('d', { lastMessageAt: 2_000, snippet: 'Merci!' }), ...list('a', 'b', 'c')];
    expect(mergeHeld(shown, complete(page), [], none).items[3]).toMatchObject({ id: 'd', snippet: 'Merci!' });
  });

  it('only grows its count until the person shows them', () => {
    const first = mergeHeld(shown, complete(list('new1', 'a', 'b', 'c', 'd')), [], none);
    // new1 was done elsewhere meanwhile; d got a message; new2 arrived.
    const second = mergeHeld(first.items, complete(list('new2', 'd', 'a', 'b', 'c')), first.heldIds, none);
    expect(second.heldIds).toEqual(['new1', 'new2', 'd']);
    expect(ids(second.items)).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each([
    ['above the others', 'a'],
    ['below the others', 'd'],
    ['the selected one', 'b'],
  ])('keeps a row that left the view %s in its place, as it is now', (_, leftId) => {
    const page = complete(shown.filter((c) => c.id !== leftId));
    expect(leftRows(shown, page)).toEqual([leftId]);
    const merged = mergeHeld(shown, page, [], new Map([[leftId, conversation(leftId, { status: 'done' })]]));
    expect(ids(merged.items)).toEqual(['a', 'b', 'c', 'd']);
    expect(merged.items.find((c) => c.id === leftId)?.status).toBe('done');
    // Deleted meanwhile (the core no longer has it): there is nothing to keep.
    expect(ids(mergeHeld(shown, page, [], none).items)).toEqual(ids(page.items));
  });

  it('keeps rows past the end of a partial page as they were, without asking the core', () => {
    const page = { items: [conversation('new1', { lastMessageAt: 2_000 }), ...shown.slice(0, 2)], hasMore: true };
    expect(leftRows(shown, page)).toEqual([]);
    expect(mergeHeld(shown, page, [], none)).toEqual({ items: shown, heldIds: ['new1'] });
  });

  it('shows what the person asked for (an undo brought it back) where it belongs, never announced', () => {
    const merged = mergeHeld(list('a', 'c', 'd'), complete(list('new1', 'a', 'b', 'c', 'd')), ['b'], none, new Set(['b']));
    expect([ids(merged.items), merged.heldIds]).toEqual([['a', 'b', 'c', 'd'], ['new1']]);
  });

  it('after a row removed by the person’s own action, has nothing to announce or bring back', () => {
    expect(mergeHeld(list('a', 'c', 'd'), complete(list('a', 'c', 'd')), [], none)).toEqual({ items: list('a', 'c', 'd'), heldIds: [] });
  });
});

describe('any refresh while someone works in the list', () => {
  // Shown rows with their times; the page: some of them (others left the view) with newer
  // messages or not, and newcomers, sorted as the core sorts them.
  const refresh = fc
    .uniqueArray(fc.record({ id: fc.integer({ min: 0, max: 30 }).map((n) => `r${n}`), at: fc.integer({ min: 0, max: 100 }), isShown: fc.boolean(), isListed: fc.boolean(), bump: fc.integer({ min: 0, max: 200 }) }), { selector: (row) => row.id, maxLength: 20 })
    .map((rows) => {
      const shown = rows.filter((row) => row.isShown).map((row) => conversation(row.id, { lastMessageAt: row.at })).sort((a, b) => b.lastMessageAt - a.lastMessageAt);
      const page = rows.filter((row) => row.isListed).map((row) => conversation(row.id, { lastMessageAt: row.at + row.bump })).sort((a, b) => b.lastMessageAt - a.lastMessageAt);
      return { shown, page };
    });

  it('moves, drops and hides no shown row, announces every newcomer, and only grows its count', () => {
    // fast-check prints the seed and path of a failure: pass them to fc.assert to replay it.
    fc.assert(
      fc.property(refresh, ({ shown, page }) => {
        const listed = complete(page);
        const leftNow = new Map(leftRows(shown, listed).map((id) => [id, conversation(id, { status: 'done' })]));
        const merged = mergeHeld(shown, listed, [], leftNow);
        expect(ids(merged.items)).toEqual(ids(shown));
        const newcomers = page.filter((c) => !shown.some((row) => row.id === c.id)).map((c) => c.id);
        expect(merged.heldIds).toEqual(expect.arrayContaining(newcomers));
        const next = mergeHeld(merged.items, listed, merged.heldIds, leftNow);
        expect([ids(next.items), next.heldIds]).toEqual([ids(shown), merged.heldIds]);
      }),
    );
  });
});
