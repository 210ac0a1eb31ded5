import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../shared/domain/entities';
import { conversationFixture } from './conversationFixture';
import { mergeHeld } from './heldArrivals';

const conversation = conversationFixture;
const list = (...ids: string[]) => ids.map((id) => conversation(id));
const ids = (items: Conversation[]) => items.map((c) => c.id);

describe('a refresh while someone works in the list', () => {
  const shown = list('a', 'b', 'c', 'd');

  it('holds back arrivals above the selected row, inserts those below it, and updates shown rows in place', () => {
    const page = [conversation('new1'), conversation('new2'), conversation('a'), conversation('b', { tags: ['vip'] }), conversation('new3'), conversation('c'), conversation('d')];
    const merged = mergeHeld(shown, page, 'b', null);
    expect(merged.heldIds).toEqual(['new1', 'new2']);
    expect(ids(merged.items)).toEqual(['a', 'b', 'new3', 'c', 'd']);
    expect(merged.items[1]?.tags).toEqual(['vip']);
    // What an undo brought back is shown where it belongs: the person asked for it.
    expect(mergeHeld(shown, page, 'b', null, new Set(['new2'])).heldIds).toEqual(['new1']);
  });

  it('holds back a conversation a new message lifted from below the selected row to the top', () => {
    const merged = mergeHeld(shown, list('d', 'a', 'b', 'c'), 'b', null);
    expect([ids(merged.items), merged.heldIds]).toEqual([['a', 'b', 'c'], ['d']]);
    // A new message in the selected conversation lifts it in the page, not on screen.
    expect(mergeHeld(shown, list('c', 'a', 'b', 'd'), 'c', null)).toMatchObject({ heldIds: [], items: list('a', 'b', 'c', 'd') });
  });

  it('keeps the selected conversation in its place, as it is now, when it left the view elsewhere', () => {
    const merged = mergeHeld(shown, [conversation('new1'), ...list('a', 'c', 'd')], 'b', conversation('b', { status: 'done' }));
    expect([ids(merged.items), merged.heldIds, merged.items[1]?.status]).toEqual([['a', 'b', 'c', 'd'], ['new1'], 'done']);
    // Deleted meanwhile: there is nothing to keep.
    expect(ids(mergeHeld(shown, list('a', 'c', 'd'), 'b', null).items)).toEqual(['a', 'c', 'd']);
  });

  it('takes the page as it is with nothing selected in the list (the first load, a new view)', () => {
    expect(mergeHeld([], list('new1', 'a'), null, null)).toEqual({ items: list('new1', 'a'), heldIds: [] });
    expect(mergeHeld(shown, list('new1', 'a'), 'elsewhere', null)).toEqual({ items: list('new1', 'a'), heldIds: [] });
  });
});
