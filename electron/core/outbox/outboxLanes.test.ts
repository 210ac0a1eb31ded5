import { describe, expect, it, vi } from 'vitest';
import { ConnectorError } from '../connectors/connector';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { ScriptedConnector, type ScriptStep } from '../testing/scriptedConnector';
import { DEFAULT_BACKOFF } from './backoff';

const fixture = useCoreWithAccount();
const UNDO_MS = 10_000;
const HOUR = 3_600_000;

type Platform = { dedupesByKey?: boolean; idempotencyWindowMs?: number };

/** A conversation on a second account, with its own scripted platform. */
async function otherAccount(script: ScriptStep[]) {
  const { core } = fixture;
  const accountId = addAccount(core.context.db, 'facebook', 'page-2');
  const connector = new ScriptedConnector(script, { now: () => core.now.value });
  core.context.connectors.register(accountId, connector);
  core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 2, thread: 'thread-other' })] });
  return { connector, conversationId: conversationOf('thread-other') };
}

function conversationWith(script: ScriptStep[], platform: Platform = {}) {
  const { core, accountId } = fixture;
  const connector = new ScriptedConnector(script, { ...platform, now: () => core.now.value });
  core.context.connectors.register(accountId, connector);
  fixture.ingest([commentItem({ n: 1, thread: 'thread-1' })]);
  return { connector, conversationId: conversationOf('thread-1') };
}

function conversationOf(thread: string): string {
  const row = fixture.core.context.db.prepare<[string], { id: string }>('SELECT id FROM conversations WHERE thread_external_id = ?').get(thread);
  if (!row) throw new Error(`No conversation ${thread}.`);
  return row.id;
}

const send = (conversationId: string, idempotencyKey = 'draft-0001', text = 'Merci, on s’en occupe!') =>
  fixture.core.call('outbox.send', { conversationId, text, idempotencyKey, when: { kind: 'now' } });

async function after(ms: number) {
  fixture.core.now.value += ms;
  await fixture.core.outbox.drain();
}

const itemOf = async (id: string) => (await fixture.core.call('outbox.list', { scope: 'all' })).find((item) => item.id === id);

describe('outbox: one lane per account', () => {
  it('a platform that hangs holds only its own account: another account’s reply goes meanwhile', async () => {
    const { core } = fixture;
    await core.call('outbox.setUndoDelay', { undoSendMs: 0 });
    const hung = conversationWith(['hang']);
    const quick = await otherAccount([]);
    const waiting = await send(hung.conversationId);
    const going = await send(quick.conversationId, 'draft-0002');
    await vi.waitFor(async () => expect(await itemOf(going.id)).toMatchObject({ state: 'sent' }), { timeout: 5_000 });
    expect(quick.connector.posted.map((request) => request.idempotencyKey)).toEqual(['draft-0002']);
    expect(await itemOf(waiting.id)).toMatchObject({ state: 'sending' });
    // The app quits mid-call: the call is abandoned and the row left for the next start to check.
    core.outbox.stop();
    await core.outbox.drain();
    expect(await itemOf(waiting.id)).toMatchObject({ state: 'sending', attempts: 0 });
    expect(hung.connector.posted).toEqual([]);
  });
});

describe('outbox: a refused token', () => {
  it('puts the reply back uncounted, reports the account, waits for it, and sends once it is reconnected', async () => {
    const { core, accountId } = fixture;
    const { db } = core.context;
    const refused: string[] = [];
    // What the accounts service does when told: the account needs reconnecting.
    core.context.connectors.onRefused((id, message) => {
      refused.push(`${id}: ${message}`);
      db.prepare('UPDATE accounts SET needs_reconnecting = 1 WHERE id = ?').run(id);
    });
    const { connector, conversationId } = conversationWith([new ConnectorError('The access token was revoked', 'auth')]);
    const other = await otherAccount([]);
    const queued = await send(conversationId);
    const meanwhile = await send(other.conversationId, 'draft-0002');
    await after(UNDO_MS);
    expect(refused).toEqual([`${accountId}: The access token was revoked`]);
    expect(core.context.connectors.find(accountId)).toBeUndefined();
    expect(await itemOf(queued.id)).toMatchObject({ state: 'queued', attempts: 0, mayHaveReached: false, accountToReconnect: '@brulerie' });
    expect(await itemOf(meanwhile.id)).toMatchObject({ state: 'sent', accountToReconnect: null });
    await after(HOUR);
    expect(connector.posted).toEqual([]);

    db.prepare('UPDATE accounts SET needs_reconnecting = 0 WHERE id = ?').run(accountId);
    const reconnected = new ScriptedConnector([], { now: () => core.now.value });
    core.context.connectors.register(accountId, reconnected);
    await core.outbox.drain();
    expect(reconnected.posted.map((request) => request.idempotencyKey)).toEqual(['draft-0001']);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sent', attempts: 0, accountToReconnect: null });
  });
});

describe('outbox: what the platform no longer has', () => {
  it('fails a reply to a deleted message at once, saying so', async () => {
    const { connector, conversationId } = conversationWith([new ConnectorError('404 Record not found', 'not_found')]);
    const queued = await send(conversationId);
    await after(UNDO_MS);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'failed', lastError: 'The message you answered was deleted on Facebook.', attempts: 1 });
    expect(connector.posted).toEqual([]);
  });
});

describe('outbox: the idempotency window', () => {
  const unclear = { acceptThen: new ConnectorError('socket hang up', 'transient') };

  it('within the platform’s window, sends an unclear attempt again without asking (the platform drops the repeat)', async () => {
    const { connector, conversationId } = conversationWith([unclear], { dedupesByKey: true, idempotencyWindowMs: HOUR });
    const queued = await send(conversationId);
    await after(UNDO_MS);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'queued', mayHaveReached: true, attempts: 1 });
    await after(DEFAULT_BACKOFF.baseMs * 1.2);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sent' });
    expect(connector.lookups).toEqual([]);
    expect(connector.posted).toHaveLength(1);
  });

  it('past the window (measured from the first attempt), asks the platform first and records what it finds', async () => {
    const { connector, conversationId } = conversationWith([unclear, new ConnectorError('503', 'transient')], { dedupesByKey: true, idempotencyWindowMs: HOUR });
    const queued = await send(conversationId);
    await after(UNDO_MS);
    // A second failure later on must not restart the window.
    await after(DEFAULT_BACKOFF.baseMs * 1.2);
    expect(connector.lookups).toEqual([]);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'queued', attempts: 2 });
    await after(HOUR);
    expect(connector.lookups.map((request) => request.idempotencyKey)).toEqual(['draft-0001']);
    expect(connector.posted).toHaveLength(1);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sent' });
  });
});

describe('outbox: platform references', () => {
  it('hands the platform what it stored with the thread’s first message and with the message answered', async () => {
    const { connector, conversationId } = conversationWith([]);
    fixture.ingest([commentItem({ n: 2, thread: 'thread-1', parentExternalId: 'msg-1' })]);
    const setRef = fixture.core.context.db.prepare<[string, string]>('UPDATE messages SET platform_ref = ? WHERE external_id = ?');
    setRef.run(JSON.stringify({ uri: 'at://fan1/app.bsky.feed.post/1', cid: 'cid-1' }), 'msg-1');
    setRef.run(JSON.stringify({ uri: 'at://fan2/app.bsky.feed.post/2', cid: 'cid-2' }), 'msg-2');
    await send(conversationId);
    await after(UNDO_MS);
    expect(connector.posted).toMatchObject([
      {
        threadExternalId: 'thread-1',
        threadRef: { uri: 'at://fan1/app.bsky.feed.post/1', cid: 'cid-1' },
        inReplyToExternalId: 'msg-2',
        inReplyToRef: { uri: 'at://fan2/app.bsky.feed.post/2', cid: 'cid-2' },
      },
    ]);
  });

  it('takes the thread’s reference from the message the thread is named after, when there is one', async () => {
    const { connector, conversationId } = conversationWith([]);
    fixture.ingest([commentItem({ n: 3, thread: 'thread-1', externalId: 'thread-1' })]);
    fixture.core.context.db.prepare("UPDATE messages SET platform_ref = '{\"id\":\"root\"}' WHERE external_id = 'thread-1'").run();
    await send(conversationId);
    await after(UNDO_MS);
    expect(connector.posted).toMatchObject([{ threadRef: { id: 'root' }, inReplyToExternalId: 'thread-1', inReplyToRef: { id: 'root' } }]);
  });
});
