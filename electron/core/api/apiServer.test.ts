import { beforeEach, describe, expect, it } from 'vitest';
import { commentItem } from '../testing/itemBuilder';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { DETAIL_MESSAGE_LIMIT } from '../store/conversationQueries';
import { wakeSnoozed } from '../store/conversationMutations';
import { RANKED_CANDIDATES } from '../store/messageSearch';

const fx = useCoreWithAccount();

const { ingest } = fx;

describe('API validation', () => {
  it('answers invalid_input naming the field, in the message and as issues the UI can put on its fields', async () => {
    const result = await fx.core.client.call('conversations.list', { status: 'archived' } as never);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^conversations\.list: status: /), issues: [{ path: 'status', message: expect.any(String) }] },
    });
    const snooze = await fx.core.client.call('conversations.setStatus', { ids: ['x'], status: 'snoozed' });
    expect(snooze).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('snoozeUntil: snoozeUntil is required') } });
    const extra = await fx.core.client.call('accounts.list', { sneaky: true } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('sneaky') } });
  });

  it('answers unknown_method for a method the contract does not have', async () => {
    const result = await fx.core.client.call('conversations.drop' as never, {} as never);
    expect(result).toEqual({ ok: false, error: { code: 'unknown_method', message: 'There is no method "conversations.drop".' } });
  });

  it('answers not_found for conversations that do not exist, changing nothing', async () => {
    ingest([commentItem({ n: 1 })]);
    const [existing] = (await fx.core.call('conversations.list', {})).items;
    const result = await fx.core.client.call('conversations.setStatus', { ids: [existing?.id ?? '', 'ghost'], status: 'done' });
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'No conversation with id ghost.' } });
    expect((await fx.core.call('conversations.get', { id: existing?.id ?? '' })).status).toBe('open');
  });

  it('rejects a cursor it did not issue', async () => {
    const result = await fx.core.client.call('conversations.list', { cursor: 'bm90IGEgY3Vyc29y' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'cursor: not a cursor this API returned' } });
  });
});

describe('conversations', () => {
  it('lists newest first with filters and an exact total', async () => {
    ingest([
      commentItem({ n: 1 }),
      commentItem({ n: 2, kind: 'dm', post: null }),
      commentItem({ n: 3, kind: 'mention', post: null }),
      commentItem({ n: 4 }),
    ]);
    const all = await fx.core.call('conversations.list', { status: 'open' });
    expect(all.items.map((c) => c.snippet)).toEqual(['Message number 4', 'Message number 3', 'Message number 2', 'Message number 1']);
    expect(all.total).toBe(4);
    const dms = await fx.core.call('conversations.list', { status: 'open', kind: 'dm', platform: 'facebook' });
    expect(dms.items.map((c) => c.kind)).toEqual(['dm']);
    expect(dms.total).toBe(1);
    expect((await fx.core.call('conversations.list', { platform: 'x' })).total).toBe(0);
    expect((await fx.core.call('conversations.list', { accountId: fx.accountId })).total).toBe(4);
  });

  it('sets status for many at once, records it, emits one change, and filters by it', async () => {
    ingest([commentItem({ n: 1 }), commentItem({ n: 2 }), commentItem({ n: 3 })]);
    const ids = (await fx.core.call('conversations.list', {})).items.map((c) => c.id);
    const changes: string[][] = [];
    fx.core.client.on('inbox.changed', (event) => changes.push(event.conversationIds));
    expect(await fx.core.call('conversations.setStatus', { ids: ids.slice(0, 2), status: 'done' })).toMatchObject({ updated: 2 });
    expect((await fx.core.call('conversations.list', { status: 'done' })).total).toBe(2);
    expect((await fx.core.call('conversations.list', { status: 'open' })).items.map((c) => c.id)).toEqual([ids[2]]);
    await fx.core.call('conversations.setStatus', { ids: [ids[2] ?? ''], status: 'snoozed', snoozeUntil: fx.core.now.value + 1000 });
    expect((await fx.core.call('conversations.get', { id: ids[2] ?? '' })).snoozeUntil).toBe(fx.core.now.value + 1000);
    expect(changes[0]).toEqual(ids.slice(0, 2));
    const activity = fx.core.context.db.prepare("SELECT count(*) AS n FROM activity WHERE action = 'conversation.status' AND actor = 'me'").get();
    expect(activity).toEqual({ n: 3 });
  });

  it('brings snoozed conversations back when their time comes, and only then', async () => {
    ingest([commentItem({ n: 1 }), commentItem({ n: 2 })]);
    const [later, sooner] = (await fx.core.call('conversations.list', {})).items.map((c) => c.id);
    await fx.core.call('conversations.setStatus', { ids: [later ?? ''], status: 'snoozed', snoozeUntil: fx.core.now.value + 3_600_000 });
    await fx.core.call('conversations.setStatus', { ids: [sooner ?? ''], status: 'snoozed', snoozeUntil: fx.core.now.value + 60_000 });
    expect(wakeSnoozed(fx.core.context.db, fx.core.now.value + 59_999)).toEqual([]);
    expect(wakeSnoozed(fx.core.context.db, fx.core.now.value + 60_000)).toEqual([sooner]);
    expect(await fx.core.call('conversations.get', { id: sooner ?? '' })).toMatchObject({ status: 'open', snoozeUntil: null });
    expect((await fx.core.call('conversations.list', { status: 'snoozed' })).items.map((c) => c.id)).toEqual([later]);
  });

  it('marks read and unread, and filters by unread', async () => {
    ingest([commentItem({ n: 1 }), commentItem({ n: 2 }), commentItem({ n: 3 })]);
    const [first] = (await fx.core.call('conversations.list', {})).items;
    await fx.core.call('conversations.markRead', { ids: [first?.id ?? ''] });
    const unread = await fx.core.call('conversations.list', { unread: true });
    expect([unread.total, unread.items.length]).toEqual([2, 2]);
    const read = await fx.core.call('conversations.list', { unread: false });
    expect(read.items.map((c) => c.id)).toEqual([first?.id]);
    expect(read.total).toBe(1);
    await fx.core.call('conversations.markRead', { ids: [first?.id ?? ''], read: false });
    expect((await fx.core.call('conversations.get', { id: first?.id ?? '' })).unreadCount).toBe(1);
  });

  it('tags and untags, creating tags on first use, and filters by tag', async () => {
    ingest([commentItem({ n: 1 }), commentItem({ n: 2 })]);
    const ids = (await fx.core.call('conversations.list', {})).items.map((c) => c.id);
    await fx.core.call('conversations.tag', { ids, add: ['livraison', 'VIP'] });
    await fx.core.call('conversations.tag', { ids: [ids[0] ?? ''], remove: ['VIP'] });
    expect((await fx.core.call('conversations.get', { id: ids[0] ?? '' })).tags).toEqual(['livraison']);
    const vip = await fx.core.call('conversations.list', { tag: 'vip' });
    expect(vip.items.map((c) => c.id)).toEqual([ids[1]]);
    expect(vip.total).toBe(1);
  });

  it('gets the newest messages of a very long thread, oldest of them first', async () => {
    ingest(Array.from({ length: DETAIL_MESSAGE_LIMIT + 1 }, (_, n) => commentItem({ n: n + 1, thread: 'long' })));
    const [conversation] = (await fx.core.call('conversations.list', {})).items;
    const detail = await fx.core.call('conversations.get', { id: conversation?.id ?? '' });
    expect(detail.messages).toHaveLength(DETAIL_MESSAGE_LIMIT);
    expect(detail.messages[0]?.externalId).toBe('msg-2');
    expect(detail.messages.at(-1)?.externalId).toBe(`msg-${DETAIL_MESSAGE_LIMIT + 1}`);
    expect(detail.messageCount).toBe(DETAIL_MESSAGE_LIMIT + 1);
  });

  it('gets a comment thread with its post and its messages in order', async () => {
    ingest([commentItem({ n: 1, thread: 'a' }), commentItem({ n: 2, thread: 'a', kind: 'reply', parentExternalId: 'msg-1' })]);
    const [conversation] = (await fx.core.call('conversations.list', {})).items;
    const detail = await fx.core.call('conversations.get', { id: conversation?.id ?? '' });
    expect(detail.post).toMatchObject({ externalId: 'post-1', text: 'Notre nouveau café est arrivé!' });
    expect(detail.messages.map((m) => [m.externalId, m.parentExternalId, m.direction])).toEqual([['msg-1', null, 'in'], ['msg-2', 'msg-1', 'in']]);
    expect(detail.contact).toMatchObject({ externalId: 'author-1', handle: '@fan1' });
  });

  it('pages by keyset with no gap and no repeat while new conversations arrive', async () => {
    ingest(Array.from({ length: 95 }, (_, n) => commentItem({ n })));
    const seen: string[] = [];
    let cursor: string | null = null;
    let arrivals = 1000;
    do {
      const page: Awaited<ReturnType<typeof fx.core.call<'conversations.list'>>> = await fx.core.call('conversations.list', { limit: 10, cursor });
      seen.push(...page.items.map((c) => c.snippet));
      cursor = page.nextCursor;
      ingest([commentItem({ n: arrivals++ })]);
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 95 }, (_, n) => `Message number ${94 - n}`));
  });

  it('filters by text with accents ignored', async () => {
    ingest([commentItem({ n: 1, text: 'Merci pour la réponse rapide' }), commentItem({ n: 2, text: 'Where is my order?' })]);
    const found = await fx.core.call('conversations.list', { text: 'REPONSE' });
    expect(found.items.map((c) => c.snippet)).toEqual(['Merci pour la réponse rapide']);
    expect(found.total).toBe(1);
  });
});

describe('messages.search', () => {
  beforeEach(() => {
    ingest([
      commentItem({ n: 1, text: 'réponse attendue depuis hier' }),
      commentItem({ n: 2, text: 'Une reponse svp, réponse réponse réponse' }),
      commentItem({ n: 3, text: 'Répondez-moi, sans réponse depuis lundi' }),
      commentItem({ n: 4, text: 'rien à voir' }),
    ]);
  });

  it('finds newest first, ignoring accents and case, and pages', async () => {
    const first = await fx.core.call('messages.search', { text: 'REPONSE', limit: 2 });
    expect(first.items.map((hit) => hit.message.externalId)).toEqual(['msg-3', 'msg-2']);
    const second = await fx.core.call('messages.search', { text: 'REPONSE', limit: 2, cursor: first.nextCursor });
    expect(second.items.map((hit) => hit.message.externalId)).toEqual(['msg-1']);
    expect(second.nextCursor).toBeNull();
  });

  it('ranks by relevance, and pages through the ranking', async () => {
    const ranked = await fx.core.call('messages.search', { text: 'réponse', order: 'relevance' });
    expect(ranked.items[0]?.message.externalId).toBe('msg-2');
    expect(ranked.items).toHaveLength(3);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof fx.core.call<'messages.search'>>> = await fx.core.call('messages.search', { text: 'réponse', order: 'relevance', limit: 1, cursor });
      paged.push(...page.items.map((hit) => hit.message.externalId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(ranked.items.map((hit) => hit.message.externalId));
  });

  it('ranks among the newest matches only, so a common word stays fast', async () => {
    // The best-scoring message is the oldest; RANKED_CANDIDATES newer, weaker matches bury it.
    ingest([commentItem({ n: 10, text: 'colis colis colis colis', createdAt: 1 })]);
    ingest(Array.from({ length: RANKED_CANDIDATES }, (_, k) => commentItem({ n: 100 + k, text: `mon colis numéro ${k} est en retard depuis une semaine` })));
    const ranked = await fx.core.call('messages.search', { text: 'colis', order: 'relevance', limit: 200 });
    expect(ranked.items.map((hit) => hit.message.externalId)).not.toContain('msg-10');
    const newest = await fx.core.call('messages.search', { text: 'colis', limit: 1, cursor: null });
    expect(newest.items[0]?.message.externalId).toBe(`msg-${100 + RANKED_CANDIDATES - 1}`);
  });

  it('treats a trailing star as a prefix and FTS syntax as plain text', async () => {
    expect((await fx.core.call('messages.search', { text: 'répon*' })).items).toHaveLength(3);
    expect((await fx.core.call('messages.search', { text: '(rien "à' })).items.map((hit) => hit.message.externalId)).toEqual(['msg-4']);
    expect((await fx.core.call('messages.search', { text: '*** ""' })).items).toEqual([]);
  });
});
