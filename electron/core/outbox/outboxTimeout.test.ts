import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { ScriptedConnector } from '../testing/scriptedConnector';

const fixture = useCoreWithAccount({ outbox: { callTimeoutMs: 100 } });

describe('outbox: a platform call past its timeout', () => {
  it('is abandoned as a transient failure that may have been delivered, and tried again asking first', async () => {
    const { core, accountId } = fixture;
    const connector = new ScriptedConnector(['hang'], { now: () => core.now.value });
    core.context.connectors.register(accountId, connector);
    fixture.ingest([commentItem({ n: 1 })]);
    await core.call('outbox.setUndoDelay', { undoSendMs: 0 });
    const [conversation] = (await core.call('conversations.list', {})).items;
    const queued = await core.call('outbox.send', { conversationId: conversation?.id ?? '', text: 'Merci!', idempotencyKey: 'draft-0001', when: { kind: 'now' } });
    await core.outbox.drain();
    const item = (await core.call('outbox.list', { scope: 'all' })).find((each) => each.id === queued.id);
    expect(item).toMatchObject({ state: 'queued', attempts: 1, mayHaveReached: true, lastError: 'The platform did not answer within 1 s.' });
    core.now.value = item?.notBefore ?? 0;
    await core.outbox.drain();
    expect(connector.lookups).toHaveLength(1);
    expect(connector.posted).toHaveLength(1);
    expect((await core.call('outbox.list', { scope: 'all' })).find((each) => each.id === queued.id)).toMatchObject({ state: 'sent' });
  });
});
