import { beforeEach, describe, expect, it, vi } from 'vitest';
import { conversationFixture } from './conversationFixture';
import { coreAnsweringByHand } from '../../app/coreAnsweringByHand';
import { useInboxStore } from './inboxStore';

const conversation = (id: string) => conversationFixture(id);
const refused = { ok: false, error: { code: 'conflict', message: 'conversations.setStatus: refused' } } as const;
const done = { ok: true, value: { updated: 1, undoId: 'u1' } } as const;
const store = () => useInboxStore.getState();

describe('a failed optimistic change takes back only itself', () => {
  beforeEach(() => {
    useInboxStore.setState({ viewKey: 'open', filter: { status: 'open' }, items: ['a', 'b', 'c'].map(conversation), total: 3, selectedId: 'a', checkedIds: [] });
  });

  it('a conversation marked done comes back in its place; a tag added meanwhile stays', async () => {
    const core = coreAnsweringByHand();
    const markDone = store().triage(['a'], { kind: 'status', status: 'done' });
    expect(store().items.map((c) => c.id)).toEqual(['b', 'c']);
    const tag = store().triage(['c'], { kind: 'tag', add: ['vip'] });
    core.answer('conversations.tag', done);
    await tag;
    core.answer('conversations.setStatus', refused);
    await expect(markDone).rejects.toThrow('refused');
    expect(store().items.map((c) => [c.id, c.status, c.tags])).toEqual([['a', 'open', []], ['b', 'open', []], ['c', 'open', ['vip']]]);
    expect(store()).toMatchObject({ total: 3, selectedId: 'a' });
  });

  it('a refused tag comes off; the same conversation marked read meanwhile stays read, and the cursor stays where the person moved it', async () => {
    const core = coreAnsweringByHand();
    const tag = store().triage(['b'], { kind: 'tag', add: ['livraison'] });
    const read = store().triage(['b'], { kind: 'read', read: true });
    store().select('c');
    core.answer('conversations.markRead', done);
    await read;
    core.answer('conversations.tag', { ok: false, error: { code: 'invalid_input', message: 'add.0: too long' } });
    await expect(tag).rejects.toThrow('too long');
    expect(store().items.find((c) => c.id === 'b')).toMatchObject({ tags: [], unreadCount: 0 });
    expect(store().selectedId).toBe('c');
  });
});

describe('while the person works in the list', () => {
  it('a refresh moves no row: one done elsewhere stays marked, a lifted one is announced; e takes the person’s row out and selects the one below, which is no news any more once taken out too', async () => {
    const shown = ['a', 'b', 'c', 'd'].map((id, index) => conversationFixture(id, { lastMessageAt: 10 - index }));
    useInboxStore.setState({ viewKey: 'open', filter: { status: 'open' }, items: shown, total: 4, selectedId: 'b', hasChosenRow: true, heldIds: [], checkedIds: [], restoredIds: [] });
    const core = coreAnsweringByHand();
    const refreshed = store().refresh();
    const lifted = conversationFixture('d', { lastMessageAt: 20, snippet: 'Merci!' });
    core.answer('conversations.list', { ok: true, value: { items: [lifted, shown[0], shown[1]], nextCursor: null, total: 3 } });
    await vi.waitFor(() => core.answer('conversations.get', { ok: true, value: { ...conversationFixture('c', { status: 'done' }), post: null, messages: [], activity: [] } }));
    await refreshed;
    expect(store().items.map((c) => [c.id, c.status, c.snippet])).toEqual([['a', 'open', 'a'], ['b', 'open', 'b'], ['c', 'done', 'c'], ['d', 'open', 'Merci!']]);
    expect(store().heldIds).toEqual(['d']);
    // The next refresh does not ask about c again: it shows as out of the view already.
    const again = store().refresh();
    core.answer('conversations.list', { ok: true, value: { items: [lifted, shown[0], shown[1]], nextCursor: null, total: 3 } });
    await again;
    expect([core.requests.length, store().items.map((c) => c.id)]).toEqual([0, ['a', 'b', 'c', 'd']]);

    const markDone = store().triage(['b'], { kind: 'status', status: 'done' });
    expect(store()).toMatchObject({ selectedId: 'c', heldIds: ['d'] });
    core.answer('conversations.setStatus', done);
    await markDone;
    store().select('d');
    const markDoneToo = store().triage(['d'], { kind: 'status', status: 'done' });
    expect(store().heldIds).toEqual([]);
    core.answer('conversations.setStatus', done);
    await markDoneToo;
  });
});
