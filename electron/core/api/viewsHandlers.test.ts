import { describe, expect, it } from 'vitest';
import { commentItem } from '../testing/itemBuilder';
import { useCoreWithAccount } from '../testing/coreWithAccount';

const fx = useCoreWithAccount();

const { ingest } = fx;

describe('sidebar counts', () => {
  it('counts by status, and open conversations by kind, platform and unread', async () => {
    ingest([commentItem({ n: 1 }), commentItem({ n: 2 }), commentItem({ n: 3, kind: 'dm', post: null }), commentItem({ n: 4, kind: 'mention', post: null })]);
    const ids = (await fx.core.call('conversations.list', {})).items.map((c) => c.id);
    await fx.core.call('conversations.setStatus', { ids: [ids[0] ?? ''], status: 'done' });
    await fx.core.call('conversations.markRead', { ids: [ids[1] ?? ''] });
    expect(await fx.core.call('conversations.counts', {})).toEqual({
      byStatus: { open: 3, snoozed: 0, done: 1, spam: 0 },
      openUnread: 2,
      openUrgent: 0,
      openAssignedToMe: 0,
      drafts: 0,
      openByKind: { comment: 2, mention: 0, dm: 1 },
      openByPlatform: { facebook: 3 },
    });
  });
});

describe('contact filter', () => {
  it("lists a contact's conversations, for the contact card", async () => {
    ingest([commentItem({ n: 1 }), commentItem({ n: 8 }), commentItem({ n: 2 })]);
    const all = (await fx.core.call('conversations.list', {})).items;
    const fan1 = all.find((c) => c.contact.externalId === 'author-1')?.contact.id ?? '';
    const page = await fx.core.call('conversations.list', { contactId: fan1 });
    expect(page.items.map((c) => c.snippet)).toEqual(['Message number 8', 'Message number 1']);
    expect(page.total).toBe(2);
  });
});

describe('saved views and tags', () => {
  it('saves, lists in order and removes views', async () => {
    const urgent = await fx.core.call('views.save', { name: 'DMs non lus', filter: { kind: 'dm', unread: true } });
    await fx.core.call('views.save', { name: 'Instagram', filter: { platform: 'instagram', status: 'open' } });
    expect((await fx.core.call('views.list', {})).map((view) => [view.name, view.filter])).toEqual([
      ['DMs non lus', { kind: 'dm', unread: true }],
      ['Instagram', { platform: 'instagram', status: 'open' }],
    ]);
    expect(await fx.core.call('views.remove', { id: urgent.id })).toEqual({ removed: true });
    expect(await fx.core.call('views.remove', { id: urgent.id })).toEqual({ removed: false });
    expect((await fx.core.call('views.list', {})).map((view) => view.name)).toEqual(['Instagram']);
  });

  it('refuses a view whose filter is not a valid filter', async () => {
    const result = await fx.core.client.call('views.save', { name: 'bad', filter: { status: 'archived' } as never });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('filter.status') } });
  });

  it('lists tags with how many conversations carry each', async () => {
    ingest([commentItem({ n: 1 }), commentItem({ n: 2 })]);
    const ids = (await fx.core.call('conversations.list', {})).items.map((c) => c.id);
    await fx.core.call('conversations.tag', { ids, add: ['livraison'] });
    await fx.core.call('conversations.tag', { ids: [ids[0] ?? ''], add: ['VIP'] });
    expect(await fx.core.call('tags.list', {})).toEqual([
      { name: 'livraison', color: '', conversationCount: 2 },
      { name: 'VIP', color: '', conversationCount: 1 },
    ]);
  });
});
