import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../shared/domain/entities';
import { conversationFixture } from './conversationFixture';
import { applyChange, matchesFilter, nextSelection, revertChange, type TriageChange } from './listChange';

const conversation = conversationFixture;
const ids = (list: Conversation[]) => list.map((c) => c.id);

describe('optimistic list changes', () => {
  const items = ['a', 'b', 'c', 'd'].map((id) => conversation(id));

  it('removes rows a status change takes out of the view, and keeps them where it does not', () => {
    expect(ids(applyChange(items, new Set(['b', 'c']), { kind: 'status', status: 'done' }, { status: 'open' }))).toEqual(['a', 'd']);
    const anyStatus = applyChange(items, new Set(['b']), { kind: 'status', status: 'done' }, {});
    expect(anyStatus.map((c) => c.status)).toEqual(['open', 'done', 'open', 'open']);
  });

  it('records the snooze time, and keeps a row marked read in the Unread view until the next refresh', () => {
    const snoozed = applyChange(items, new Set(['a']), { kind: 'status', status: 'snoozed', snoozeUntil: 99 }, { status: ['open', 'snoozed'] });
    expect(snoozed[0]).toMatchObject({ status: 'snoozed', snoozeUntil: 99 });
    const read = applyChange(items, new Set(['a']), { kind: 'read', read: true }, { unread: true });
    expect(read.map((c) => c.unreadCount)).toEqual([0, 1, 1, 1]);
  });

  it('adds tags without duplicates, sorted', () => {
    const tagged = applyChange([conversation('a', { tags: ['vip'] })], new Set(['a']), { kind: 'tag', add: ['livraison', 'vip'] }, {});
    expect(tagged[0]?.tags).toEqual(['livraison', 'vip']);
  });

  it('assigns in place, and a row assigned away leaves a view of someone else’s conversations', () => {
    const assigned = applyChange(items, new Set(['a', 'b']), { kind: 'assign', assigneeId: 'ana', note: 'VIP' }, { status: 'open' });
    expect(assigned.map((c) => c.assigneeId)).toEqual(['ana', 'ana', null, null]);
    const anasView = applyChange(assigned, new Set(['a']), { kind: 'assign', assigneeId: null }, { assigneeId: 'ana' });
    expect(ids(anasView)).toEqual(['b', 'c', 'd']);
  });

  it('matches filters on status, unread and tag, case-insensitively for tags', () => {
    expect(matchesFilter(conversation('a', { tags: ['VIP'] }), { tag: 'vip', unread: true, status: 'open' })).toBe(true);
    expect(matchesFilter(conversation('a', { unreadCount: 0 }), { unread: true })).toBe(false);
    expect(matchesFilter(conversation('a'), { status: ['done', 'spam'] })).toBe(false);
  });

  it('takes back one change only: rows it removed return beside their old neighbours, a later change to the same field wins', () => {
    const markDone = { kind: 'status', status: 'done' } as const;
    const now = [conversation('a', { tags: ['vip'] }), conversation('d')];
    expect(revertChange(now, items, new Set(['b', 'c']), markDone).map((c) => [c.id, c.status, c.tags])).toEqual([
      ['a', 'open', ['vip']], ['b', 'open', []], ['c', 'open', []], ['d', 'open', []],
    ]);
    const snoozedSince = [conversation('a', { status: 'snoozed', snoozeUntil: 99 })];
    expect(revertChange(snoozedSince, items, new Set(['a']), markDone)[0]).toMatchObject({ status: 'snoozed', snoozeUntil: 99 });
  });

  it('removes a tag at once, and a refused removal puts it back beside the tags added since', () => {
    const tagged = [conversation('a', { tags: ['livraison', 'vip'] })];
    const untag: TriageChange = { kind: 'tag', add: [], remove: ['vip'] };
    expect(applyChange(tagged, new Set(['a']), untag, {})[0]?.tags).toEqual(['livraison']);
    const now = [conversation('a', { tags: ['livraison', 'remboursement'] })];
    expect(revertChange(now, tagged, new Set(['a']), untag)[0]?.tags).toEqual(['livraison', 'remboursement', 'vip']);
  });

  it('takes back a failed assignment unless the conversation was assigned again since', () => {
    const toAna = { kind: 'assign', assigneeId: 'ana' } as const;
    const now = [conversation('a', { assigneeId: 'ana' }), conversation('b', { assigneeId: 'marc' })];
    expect(revertChange(now, items, new Set(['a', 'b']), toAna).map((c) => c.assigneeId)).toEqual([null, 'marc']);
  });

  it('moves the cursor to the row that took the focused row’s place, else the one before', () => {
    expect(nextSelection(items, ids(items).filter((id) => id !== 'b').map((id) => conversation(id)), 'b')).toBe('c');
    expect(nextSelection(items, [conversation('a'), conversation('b')], 'd')).toBe('b');
    expect(nextSelection(items, [], 'a')).toBeNull();
    expect(nextSelection(items, items, 'c')).toBe('c');
  });
});
