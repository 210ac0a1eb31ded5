import { beforeEach, describe, expect, it, vi } from 'vitest';
import { conversationFixture } from './conversationFixture';
import { coreAnsweringByHand } from '../../app/coreAnsweringByHand';
import { TAG_COUNTS_EVERY_MS, useInboxStore } from './inboxStore';

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

describe('the tag list and its counts', () => {
  it('follow a burst of changes the core reports at most every TAG_COUNTS_EVERY_MS, the last of it included; after what the person does, at once', async () => {
    vi.useFakeTimers();
    try {
      const core = coreAnsweringByHand();
      const counts = { byStatus: { open: 1, snoozed: 0, done: 0, spam: 0 }, openUnread: 0, openUrgent: 0, openAssignedToMe: 0, drafts: 0 };
      const tags = (conversationCount: number) => ({ ok: true, value: [{ name: 'facturation', color: '#2f6f4e', conversationCount }] }) as const;
      const tagCountsAsked = () => core.requests.filter((request) => request.method === 'tags.list').length;
      const reported = async () => {
        const refreshed = store().refreshSidebar({ tagCounts: 'throttled' });
        core.answer('conversations.counts', { ok: true, value: counts });
        core.answer('views.list', { ok: true, value: [] });
        await refreshed;
      };
      await reported();
      await vi.advanceTimersByTimeAsync(0);
      expect(tagCountsAsked()).toBe(1);
      core.answer('tags.list', tags(1));
      await vi.advanceTimersByTimeAsync(0);
      expect(store().tags).toEqual(tags(1).value);
      // A sync's reports, every 120 ms for a second and a half: not counted again meanwhile.
      for (let report = 0; report < 12; report++) {
        await reported();
        await vi.advanceTimersByTimeAsync(120);
      }
      expect(tagCountsAsked()).toBe(0);
      // Two seconds after the last count, once, for the whole burst.
      await vi.advanceTimersByTimeAsync(TAG_COUNTS_EVERY_MS);
      expect(tagCountsAsked()).toBe(1);
      core.answer('tags.list', tags(7));
      await vi.advanceTimersByTimeAsync(0);
      expect(store().tags).toEqual(tags(7).value);
      await vi.advanceTimersByTimeAsync(10 * TAG_COUNTS_EVERY_MS);
      expect(tagCountsAsked()).toBe(0);
      // A tag the person added: counted with the rest of the sidebar, at once.
      const refreshed = store().refreshSidebar();
      expect(tagCountsAsked()).toBe(1);
      core.answer('conversations.counts', { ok: true, value: counts });
      core.answer('views.list', { ok: true, value: [] });
      core.answer('tags.list', tags(8));
      await refreshed;
      expect(store().tags).toEqual(tags(8).value);
    } finally {
      vi.useRealTimers();
    }
  });
});
