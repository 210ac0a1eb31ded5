import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { createTestCore, type TestCore } from '../testing/testCore';

let core: TestCore;
let accountId: string;
beforeEach(() => {
  core = createTestCore();
  accountId = addAccount(core.context.db);
});
afterEach(() => core.close());

const ingest = (items: ReturnType<typeof commentItem>[]) => core.context.ingest({ accountId, source: 'test', items });

describe('sidebar counts', () => {
  it('counts by status, and open conversations by kind, platform and unread', async () => {
    ingest([commentItem({ n: 1 }), commentItem({ n: 2 }), commentItem({ n: 3, kind: 'dm', post: null }), commentItem({ n: 4, kind: 'mention', post: null })]);
    const ids = (await core.call('conversations.list', {})).items.map((c) => c.id);
    await core.call('conversations.setStatus', { ids: [ids[0] ?? ''], status: 'done' });
    await core.call('conversations.markRead', { ids: [ids[1] ?? ''] });
    expect(await core.call('conversations.counts', {})).toEqual({
      byStatus: { open: 3, snoozed: 0, done: 1, spam: 0 },
      openUnread: 2,
      openByKind: { comment: 2, mention: 0, dm: 1 },
      openByPlatform: { facebook: 3 },
    });
  });
});

describe('contact filter', () => {
  it("lists a contact's conversations, for the contact card", async () => {
    ingest([commentItem({ n: 1 }), commentItem({ n: 8 }), commentItem({ n: 2 })]);
    const all = (await core.call('conversations.list', {})).items;
    const fan1 = all.find((c) => c.contact.externalId === 'author-1')?.contact.id ?? '';
    const page = await core.call('conversations.list', { contactId: fan1 });
    expect(page.items.map((c) => c.snippet)).toEqual(['Message number 8', 'Message number 1']);
    expect(page.total).toBe(2);
  });
});

describe('saved views and tags', () => {
  it('saves, lists in order and removes views', async () => {
    const urgent = await core.call('views.save', { name: 'DMs non lus', filter: { kind: 'dm', unread: true } });
    await core.call('views.save', { name: 'Instagram', filter: { platform: 'instagram', status: 'open' } });
    expect((await core.call('views.list', {})).map((view) => [view.name, view.filter])).toEqual([
      ['DMs non lus', { kind: 'dm', unread: true }],
      ['Instagram', { platform: 'instagram', status: 'open' }],
    ]);
    expect(await core.call('views.remove', { id: urgent.id })).toEqual({ removed: true });
    expect(await core.call('views.remove', { id: urgent.id })).toEqual({ removed: false });
    expect((await core.call('views.list', {})).map((view) => view.name)).toEqual(['Instagram']);
  });

  it('refuses a view whose filter is not a valid filter', async () => {
    const result = await core.client.call('views.save', { name: 'bad', filter: { status: 'archived' } as never });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('filter.status') } });
  });

  it('lists tags with how many conversations carry each', async () => {
    ingest([commentItem({ n: 1 }), commentItem({ n: 2 })]);
    const ids = (await core.call('conversations.list', {})).items.map((c) => c.id);
    await core.call('conversations.tag', { ids, add: ['livraison'] });
    await core.call('conversations.tag', { ids: [ids[0] ?? ''], add: ['VIP'] });
    expect(await core.call('tags.list', {})).toEqual([
      { name: 'livraison', color: '', conversationCount: 2 },
      { name: 'VIP', color: '', conversationCount: 1 },
    ]);
  });
});
