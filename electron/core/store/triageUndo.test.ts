import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';

const fx = useCoreWithAccount();

/** Three conversations, each with one unread message, newest first. */
async function threeConversations(): Promise<[string, string, string]> {
  fx.ingest([1, 2, 3].map((n) => commentItem({ n })));
  const [a = '', b = '', c = ''] = (await fx.core.call('conversations.list', {})).items.map((conversation) => conversation.id);
  return [a, b, c];
}

const get = (id: string) => fx.core.call('conversations.get', { id });
const triageState = async (id: string) => {
  const { status, snoozeUntil, unreadCount, tags, urgentAt, assigneeId } = await get(id);
  return { status, snoozeUntil, unreadCount, tags, urgentAt, assigneeId };
};
const undo = (undoId: string) => fx.core.client.call('conversations.undo', { undoId });

describe('undoing a triage change in the core', () => {
  it('"done" on a snoozed conversation and an open one: undo puts each back as it was, snooze time included', async () => {
    const [a, b] = await threeConversations();
    const later = fx.core.now.value + 86_400_000;
    await fx.core.call('conversations.setStatus', { ids: [a], status: 'snoozed', snoozeUntil: later });
    const before = await Promise.all([a, b].map(triageState));
    const { undoId, updated } = await fx.core.call('conversations.setStatus', { ids: [a, b], status: 'done' });
    expect(updated).toBe(2);
    expect(await fx.core.call('conversations.undo', { undoId })).toEqual({ restoredIds: expect.arrayContaining([a, b]) });
    expect(await Promise.all([a, b].map(triageState))).toEqual(before);
    expect((await get(a)).activity.at(-1)).toMatchObject({ action: 'conversation.status', data: { status: 'snoozed', snoozeUntil: later, isUndo: true } });
    expect((await fx.core.call('conversations.counts', {})).byStatus).toMatchObject({ open: 2, snoozed: 1, done: 0 });
  });

  it('read, urgent and spam come back exactly (three unread messages stay three)', async () => {
    const [a, b] = await threeConversations();
    fx.ingest([commentItem({ n: 10, thread: 'thread-3' }), commentItem({ n: 11, thread: 'thread-3' })]);
    const before = await Promise.all([a, b].map(triageState));
    expect(before[0]?.unreadCount).toBe(3);
    for (const call of [
      () => fx.core.call('conversations.markRead', { ids: [a, b], read: true }),
      () => fx.core.call('conversations.setUrgent', { ids: [a], isUrgent: true }),
      () => fx.core.call('conversations.setStatus', { ids: [a, b], status: 'spam' }),
    ]) {
      const { undoId } = await call();
      expect(await Promise.all([a, b].map(triageState))).not.toEqual(before);
      await fx.core.call('conversations.undo', { undoId });
      expect(await Promise.all([a, b].map(triageState))).toEqual(before);
    }
  });

  it('tags: adding and removing are undone for the tags that changed, and only on the conversations they changed on', async () => {
    const [a, b] = await threeConversations();
    await fx.core.call('conversations.tag', { ids: [a], add: ['vip'] });
    const { undoId } = await fx.core.call('conversations.tag', { ids: [a, b], add: ['vip', 'livraison'] });
    await fx.core.call('conversations.undo', { undoId });
    expect([(await get(a)).tags, (await get(b)).tags]).toEqual([['vip'], []]);
    const removal = await fx.core.call('conversations.tag', { ids: [a], remove: ['vip'] });
    expect((await get(a)).tags).toEqual([]);
    await fx.core.call('conversations.undo', { undoId: removal.undoId });
    expect((await get(a)).tags).toEqual(['vip']);
  });

  it('an assignment undone goes back to the earlier assignee, on the record as an assignment back', async () => {
    const [a] = await threeConversations();
    const me = (await fx.core.call('duty.me', {})).id;
    const ana = (await fx.core.call('team.add', { name: 'Ana', schedule: null })).id;
    await fx.core.call('conversations.assign', { ids: [a], assigneeId: ana });
    const { undoId } = await fx.core.call('conversations.assign', { ids: [a], assigneeId: me, note: 'Mine now' });
    await fx.core.call('conversations.undo', { undoId });
    const detail = await get(a);
    expect(detail.assigneeId).toBe(ana);
    expect(detail.activity.filter((line) => line.action === 'conversation.assigned').map((line) => line.data)).toEqual([
      { assigneeId: ana },
      { assigneeId: me, note: 'Mine now' },
      { assigneeId: ana, isUndo: true },
    ]);
    expect((await fx.core.call('conversations.counts', {})).openAssignedToMe).toBe(0);
  });

  it('refuses as a whole when a conversation changed in that field since, names it, and leaves both as they are', async () => {
    const [a, b] = await threeConversations();
    const { undoId } = await fx.core.call('conversations.markRead', { ids: [a, b], read: true });
    // A new message reached b after it was marked read: putting back "1 unread" would hide it.
    fx.ingest([commentItem({ n: 20, thread: 'thread-2' })]);
    const after = await Promise.all([a, b].map(triageState));
    expect(await undo(undoId)).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'changed_since', message: '1 of 2 conversations changed since; nothing was undone.' } });
    expect(await Promise.all([a, b].map(triageState))).toEqual(after);
  });

  it('a change in another field does not stand in the way, and an undo runs once', async () => {
    const [a] = await threeConversations();
    const { undoId } = await fx.core.call('conversations.setStatus', { ids: [a], status: 'done' });
    await fx.core.call('conversations.tag', { ids: [a], add: ['vip'] });
    await fx.core.call('conversations.undo', { undoId });
    expect(await triageState(a)).toMatchObject({ status: 'open', tags: ['vip'] });
    expect(await undo(undoId)).toMatchObject({ ok: false, error: { code: 'not_found', reason: 'undo_gone' } });
    expect(await fx.core.client.call('conversations.undo', { undoId: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
