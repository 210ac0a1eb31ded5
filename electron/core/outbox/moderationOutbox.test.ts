import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../connectors/connector';
import { useModerationFixture } from '../testing/moderationFixture';
import { DEFAULT_BACKOFF } from './backoff';

const world = useModerationFixture();

const itemOf = async (id: string | undefined) => (await world.core.call('outbox.list', { scope: 'all' })).find((item) => item.id === id);
const hiddenLines = async () => (await world.history('thread-1')).filter((line) => line.action === 'message.hidden');
const hideFirst = async () => (await world.act({ action: 'hide', messageIds: [world.messageId('msg-1')] }))[0]?.id;

describe('moderation in the outbox: failures and retries', () => {
  it('backs off on 5xx and tries again; refused before reaching the platform, it was asked once', async () => {
    const connector = world.connect([new ConnectorError('503 Service Unavailable', 'transient')]);
    const id = await hideFirst();
    await world.core.outbox.drain();
    const waiting = await itemOf(id);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, lastError: '503 Service Unavailable' });
    expect(world.flags('msg-1')?.is_hidden).toBe(0);
    await world.after((waiting?.notBefore ?? 0) - world.core.now.value);
    expect(await itemOf(id)).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    expect(connector.moderated).toHaveLength(1);
    expect(world.flags('msg-1')?.is_hidden).toBe(1);
    expect(await hiddenLines()).toHaveLength(1);
  });

  it('simply asks again after a timeout the platform had already acted on: the effect lands once', async () => {
    const connector = world.connect([{ acceptThen: new ConnectorError('socket hang up', 'transient') }]);
    const id = await hideFirst();
    await world.core.outbox.drain();
    await world.after(DEFAULT_BACKOFF.baseMs * 1.2);
    expect(await itemOf(id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(connector.moderated).toHaveLength(2);
    expect(await hiddenLines()).toHaveLength(1);
  });

  it('fails at once with the platform’s reason on a permanent error; the person’s retry does it', async () => {
    world.connect([new ConnectorError('(#100) This comment cannot be hidden', 'permanent')]);
    const id = await hideFirst();
    await world.core.outbox.drain();
    expect(await itemOf(id)).toMatchObject({ state: 'failed', lastError: '(#100) This comment cannot be hidden' });
    expect(await world.core.call('outbox.counts', {})).toEqual({ pending: 0, problems: 1, needsCheck: 0 });
    await world.core.call('outbox.retry', { id: id ?? '' });
    await world.core.outbox.drain();
    expect(await itemOf(id)).toMatchObject({ state: 'sent' });
    expect(world.flags('msg-1')?.is_hidden).toBe(1);
  });

  it('fails an unreadable payload with the reason instead of looping on it', async () => {
    const connector = world.connect([], []);
    const { db } = world.core.context;
    const conversationSeq = db.prepare<[], { seq: number }>("SELECT seq FROM conversations WHERE thread_external_id = 'thread-3'").get()?.seq;
    db.prepare(
      "INSERT INTO outbox (id, idempotency_key, kind, conversation_seq, text, payload, state, not_before, created_at, updated_at) VALUES ('bad', 'bad-key', 'moderation', ?, '', '{\"action\":\"nuke\"}', 'queued', 0, 0, 0)",
    ).run(conversationSeq);
    expect(await world.core.call('outbox.counts', {})).toEqual({ pending: 1, problems: 0, needsCheck: 0 });
    await world.core.outbox.drain();
    expect(db.prepare<[], { state: string; last_error: string }>("SELECT state, last_error FROM outbox WHERE id = 'bad'").get()).toEqual({
      state: 'failed',
      last_error: expect.stringMatching(/^Unreadable moderation payload: action: /),
    });
    expect(connector.moderated).toEqual([]);
  });
});

describe('moderation in the outbox: crash recovery', () => {
  it('re-sends an action a crash interrupted after the platform took it, and applies its effect once', async () => {
    const connector = world.connect();
    world.core.outbox.stop();
    const id = await hideFirst();
    // What a SIGKILL between the claim and the answer leaves (the crash test does it for real).
    world.core.context.db.prepare("UPDATE outbox SET state = 'sending' WHERE id = ?").run(id);
    await connector.moderate({ action: 'hide', messageExternalId: 'msg-1', messageRef: null, authorExternalId: 'author-1', undoRef: null, reason: null }, new AbortController().signal);
    expect(world.flags('msg-1')?.is_hidden).toBe(0);
    world.core.outbox.start();
    await world.core.outbox.drain();
    expect(await itemOf(id)).toMatchObject({ state: 'sent', attempts: 0 });
    expect(connector.moderated).toHaveLength(2);
    expect(connector.lookups).toEqual([]);
    expect(world.flags('msg-1')?.is_hidden).toBe(1);
    expect(await hiddenLines()).toHaveLength(1);
  });
});
