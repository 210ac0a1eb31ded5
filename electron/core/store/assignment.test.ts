import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { conversationWhere } from './conversationFilter';

const fx = useCoreWithAccount();

describe('assigning conversations', () => {
  it('keeps the note on the record, and "assigned to me" lists and counts only my open ones', async () => {
    fx.ingest([1, 2, 3].map((n) => commentItem({ n })));
    const [first = '', second = '', third = ''] = (await fx.core.call('conversations.list', {})).items.map((conversation) => conversation.id);
    const me = (await fx.core.call('duty.me', {})).id;
    const ana = (await fx.core.call('team.add', { name: 'Ana', schedule: null })).id;

    await fx.core.call('conversations.assign', { ids: [first, second], assigneeId: me, note: '  Client VIP: answer before noon.  ' });
    await fx.core.call('conversations.assign', { ids: [third], assigneeId: ana });
    await fx.core.call('conversations.setStatus', { ids: [second], status: 'done' });

    const mine = await fx.core.call('conversations.list', { status: 'open', assignedToMe: true });
    expect([mine.items.map((conversation) => conversation.id), mine.total]).toEqual([[first], 1]);
    expect((await fx.core.call('conversations.list', { assignedToMe: true })).total).toBe(2);
    expect((await fx.core.call('conversations.counts', {})).openAssignedToMe).toBe(1);

    const trail = (await fx.core.call('conversations.get', { id: first })).activity.filter((line) => line.action === 'conversation.assigned');
    expect(trail).toEqual([{ at: expect.any(Number), actor: 'me', action: 'conversation.assigned', data: { assigneeId: me, note: 'Client VIP: answer before noon.' } }]);
    // No note, no note field: the history has nothing to show.
    expect((await fx.core.call('conversations.get', { id: third })).activity.at(-1)?.data).toEqual({ assigneeId: ana });

    await fx.core.call('conversations.assign', { ids: [first], assigneeId: ana });
    expect((await fx.core.call('conversations.counts', {})).openAssignedToMe).toBe(0);
  });

  it('refuses a note past 500 characters, naming it', async () => {
    fx.ingest([commentItem({ n: 1 })]);
    const [conversation] = (await fx.core.call('conversations.list', {})).items;
    const result = await fx.core.client.call('conversations.assign', { ids: [conversation?.id ?? ''], assigneeId: null, note: 'x'.repeat(501) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('note') } });
  });

  it('reads "assigned to me" from the assignee index, its page in order and its count, not from every open conversation', () => {
    const plan = (sql: string, params: unknown[] = []) =>
      fx.core.context.db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((step) => step.detail).join('\n');
    const where = conversationWhere({ status: 'open', assignedToMe: true });
    const page = plan(`SELECT c.id FROM conversations c WHERE ${where?.sql} ORDER BY c.last_message_at DESC, c.seq DESC LIMIT 51`, where?.params);
    expect(page).toContain('conversations_by_assignee');
    expect(page).not.toContain('TEMP B-TREE');
    expect(plan(`SELECT count(*) FROM conversations c WHERE ${where?.sql}`, where?.params)).toContain('COVERING INDEX conversations_by_assignee');
  });
});
