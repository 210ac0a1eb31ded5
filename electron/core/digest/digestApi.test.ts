import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';

const fx = useCoreWithAccount();
const failure = async (method: Parameters<typeof fx.core.client.call>[0], input: unknown) => {
  const result = await fx.core.client.call(method, input as never);
  return result.ok ? null : result.error;
};

describe('digest API', () => {
  it('takes no arguments', async () => {
    expect(await failure('digest.sinceYouLeft', { since: 0 })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('since') });
    expect(await failure('digest.dismiss', { at: 5 })).toMatchObject({ code: 'invalid_input' });
  });
});

describe('conversations.assign', () => {
  it('assigns to a person and back to nobody, on the record, and the assignee filter follows', async () => {
    fx.ingest([commentItem({ n: 1 }), commentItem({ n: 2 })]);
    const [first, second] = (await fx.core.call('conversations.list', {})).items.map((conversation) => conversation.id);
    const ids = [first ?? '', second ?? ''];
    const me = (await fx.core.call('duty.me', {})).id;
    expect(await fx.core.call('conversations.assign', { ids, assigneeId: me })).toMatchObject({ updated: 2 });
    expect((await fx.core.call('conversations.list', { assigneeId: me })).total).toBe(2);
    await fx.core.call('conversations.assign', { ids: [ids[0] ?? ''], assigneeId: null });
    expect((await fx.core.call('conversations.list', { assigneeId: null })).items.map((conversation) => conversation.id)).toEqual([ids[0]]);
    const trail = fx.core.context.db.prepare("SELECT actor, data FROM activity WHERE action = 'conversation.assigned' AND subject_id = ? ORDER BY rowid").all(ids[0]);
    expect(trail).toEqual([
      { actor: 'me', data: JSON.stringify({ assigneeId: me }) },
      { actor: 'me', data: JSON.stringify({ assigneeId: null }) },
    ]);
  });

  it('refuses a missing assignee, an unknown person or conversation, and an empty list', async () => {
    fx.ingest([commentItem({ n: 1 })]);
    const [conversation] = (await fx.core.call('conversations.list', {})).items;
    const ids = [conversation?.id ?? ''];
    expect(await failure('conversations.assign', { ids })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('assigneeId') });
    expect(await failure('conversations.assign', { ids: [], assigneeId: null })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('ids') });
    expect(await failure('conversations.assign', { ids, assigneeId: 'nobody-by-that-id' })).toMatchObject({ code: 'not_found', message: expect.stringContaining('nobody-by-that-id') });
    const me = (await fx.core.call('duty.me', {})).id;
    expect(await failure('conversations.assign', { ids: ['no-such-conversation'], assigneeId: me })).toMatchObject({ code: 'not_found' });
    expect((await fx.core.call('conversations.get', { id: ids[0] ?? '' })).assigneeId).toBeNull();
  });
});
