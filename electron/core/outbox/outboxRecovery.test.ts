import { afterEach, describe, expect, it, vi } from 'vitest';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { memoryLog } from '../testing/memoryLog';
import { ScriptedConnector } from '../testing/scriptedConnector';
import { createTestCore, type TestCore } from '../testing/testCore';

let core: TestCore | undefined;
afterEach(() => {
  core?.close();
  vi.useRealTimers();
});

describe('the outbox worker after a run that failed unexpectedly', () => {
  it('logs it, and tries again later by itself, sending what waited once the database is back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { log, lines } = memoryLog();
    // Logged, not thrown: this test is about the worker outliving its own failure.
    core = createTestCore({ log, onInternalError: () => {} });
    const accountId = addAccount(core.context.db);
    const connector = new ScriptedConnector([], { now: () => core?.now.value ?? 0 });
    core.context.connectors.register(accountId, connector);
    core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1 })] });
    const [conversation] = (await core.call('conversations.list', {})).items;
    const queued = await core.call('outbox.send', { conversationId: conversation?.id ?? '', text: 'Merci!', idempotencyKey: 'draft-0001', when: { kind: 'now' } });
    const waitMs = (queued.notBefore ?? 0) - core.now.value;

    // The outbox table gone when the send comes due: the run fails, and so does re-arming.
    core.context.db.exec('ALTER TABLE outbox RENAME TO test_outbox_away');
    core.now.value += waitMs;
    await vi.advanceTimersByTimeAsync(waitMs);
    expect(lines).toContainEqual(expect.objectContaining({ level: 'error', msg: 'An outbox run failed unexpectedly.', err: expect.objectContaining({ message: expect.stringContaining('no such table') }) }));
    expect(connector.posted).toEqual([]);

    core.context.db.exec('ALTER TABLE test_outbox_away RENAME TO outbox');
    // Nothing kicks the worker from outside: only its own retry can send the reply now.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(connector.posted).toMatchObject([{ text: 'Merci!', idempotencyKey: 'draft-0001' }]);
  });
});
