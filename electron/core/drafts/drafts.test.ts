import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { insertReply } from '../outbox/outboxStore';
import { openDatabase } from '../store/database';
import { CONVERSATION_COLUMNS, CONVERSATION_JOINS } from '../store/rows';
import { REPLIES_SINCE_SQL, TEAMMATE_REPLY_SQL } from './draftStore';
import { recordSender } from '../store/messageSender';
import { removeAccounts } from '../store/accounts';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { addAccount, commentItem, T0 } from '../testing/itemBuilder';
import { ScriptedConnector } from '../testing/scriptedConnector';
import { createTestCore } from '../testing/testCore';

const fixture = useCoreWithAccount();
const MY_KEY = 'composer-key-1';

async function conversationIds(count: number): Promise<string[]> {
  fixture.ingest(Array.from({ length: count }, (_, i) => commentItem({ n: i + 1 })));
  return (await fixture.core.call('conversations.list', {})).items.map((conversation) => conversation.id);
}

/** The conversation ids each `inbox.changed` named, in order, while `run` ran. */
async function inboxChanges(run: () => Promise<unknown>): Promise<string[][]> {
  const seen: string[][] = [];
  const stop = fixture.core.events.subscribe((message) => {
    if (message.name === 'inbox.changed') seen.push((message.payload as { conversationIds: string[] }).conversationIds);
  });
  await run();
  stop();
  return seen;
}

describe('drafts', () => {
  it('keeps the text as typed, started when first saved, and marks the conversation in the list until cleared', async () => {
    const { core } = fixture;
    const [a, b] = await conversationIds(2);
    const id = a ?? '';
    expect(await core.call('drafts.get', { conversationId: id })).toBeNull();

    const changes = await inboxChanges(async () => {
      await core.call('drafts.save', { conversationId: id, text: 'Bonjour Marie,' });
      core.now.value += 5_000;
      // Updating an existing draft changes no mark: the list is not told.
      await core.call('drafts.save', { conversationId: id, text: 'Bonjour Marie,\n\nVotre commande  ' });
    });
    expect(changes).toEqual([[id]]);
    expect(await core.call('drafts.get', { conversationId: id })).toEqual({ conversationId: id, text: 'Bonjour Marie,\n\nVotre commande  ', startedAt: T0, updatedAt: T0 + 5_000 });
    const listed = (await core.call('conversations.list', {})).items;
    expect(listed.map((conversation) => [conversation.id, conversation.hasDraft])).toEqual(expect.arrayContaining([[id, true], [b, false]]));
    expect((await core.call('conversations.get', { id })).hasDraft).toBe(true);
    // The Drafts view: whatever the status, only conversations with a draft, counted in the sidebar.
    await core.call('conversations.setStatus', { ids: [id], status: 'done' });
    expect(await core.call('conversations.list', { hasDraft: true })).toMatchObject({ items: [{ id, hasDraft: true, status: 'done' }], total: 1 });
    expect((await core.call('conversations.counts', {})).drafts).toBe(1);

    expect(await inboxChanges(async () => expect(await core.call('drafts.clear', { conversationId: id })).toEqual({ isCleared: true }))).toEqual([[id]]);
    expect(await inboxChanges(async () => expect(await core.call('drafts.clear', { conversationId: id })).toEqual({ isCleared: false }))).toEqual([]);
    expect(await core.call('drafts.get', { conversationId: id })).toBeNull();
    expect((await core.call('conversations.get', { id })).hasDraft).toBe(false);
    expect(await core.call('conversations.list', { hasDraft: true })).toMatchObject({ items: [], total: 0 });
    expect((await core.call('conversations.counts', {})).drafts).toBe(0);
  });

  it('refuses an empty draft, one past the reply limit and an unknown conversation, saying what was wrong', async () => {
    const { core } = fixture;
    const [id = ''] = await conversationIds(1);
    const refusal = async (input: { conversationId: string; text: string }) => {
      const result = await core.client.call('drafts.save', input);
      return result.ok ? null : result.error;
    };
    expect(await refusal({ conversationId: id, text: '  \n ' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('clear it instead') });
    expect(await refusal({ conversationId: id, text: 'x'.repeat(100_001) })).toMatchObject({ code: 'invalid_input' });
    expect(await refusal({ conversationId: 'nowhere', text: 'Bonjour' })).toMatchObject({ code: 'not_found', message: 'No conversation with id nowhere.' });
  });

  it('goes when the composer queues its reply, in the same step; a send from elsewhere leaves it', async () => {
    const { core } = fixture;
    const [id = ''] = await conversationIds(1);
    await core.call('drafts.save', { conversationId: id, text: 'Merci! On regarde.' });
    await core.call('outbox.send', { conversationId: id, text: 'Une autre réponse', idempotencyKey: 'command-line-1', when: { kind: 'now' } });
    expect((await core.call('drafts.get', { conversationId: id }))?.text).toBe('Merci! On regarde.');
    const changes = await inboxChanges(() => core.call('outbox.send', { conversationId: id, text: 'Merci! On regarde.', idempotencyKey: MY_KEY, when: { kind: 'now' }, clearsDraft: true }));
    expect(changes).toEqual([[id]]);
    expect(await core.call('drafts.get', { conversationId: id })).toBeNull();
  });

  it('goes with its conversation when the account is deleted with its history', async () => {
    const { core } = fixture;
    const [id = ''] = await conversationIds(1);
    await core.call('drafts.save', { conversationId: id, text: 'Bonjour,' });
    expect(removeAccounts(core.context.db, [fixture.accountId])).toBe(1);
    expect(core.context.db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
  });
});

describe('replies since a draft began', () => {
  const since = async (conversationId: string, at: number) => fixture.core.call('drafts.repliesSince', { conversationId, since: at, exceptKey: MY_KEY });

  it('counts an away reply, a reply queued in another window and one written on the platform, each once; not my own, a cancelled one, or one queued before', async () => {
    const { core } = fixture;
    const connector = new ScriptedConnector([], { now: () => core.now.value });
    core.context.connectors.register(fixture.accountId, connector);
    await core.call('outbox.setUndoDelay', { undoSendMs: 0 });
    const [id = ''] = await conversationIds(1);
    // Queued before I began: I saw it waiting, so its delivery later is no news.
    await core.call('outbox.send', { conversationId: id, text: 'Première réponse', idempotencyKey: 'earlier-1', when: { kind: 'at', at: T0 + 60_000 } });
    core.now.value += 1_000;
    const { startedAt } = await core.call('drafts.save', { conversationId: id, text: 'Bonjour,' });
    core.now.value += 60_000;
    await core.outbox.drain();
    expect(await since(id, startedAt)).toEqual({ count: 0, latestAt: null });

    // Mine (a retry's key) and one pulled back within the undo delay are not news either.
    core.now.value += 1_000;
    await core.call('outbox.send', { conversationId: id, text: 'Bonjour, voici', idempotencyKey: MY_KEY, when: { kind: 'at', at: T0 + 3_600_000 } });
    const undone = await core.call('outbox.send', { conversationId: id, text: 'Oups', idempotencyKey: 'other-window-0', when: { kind: 'at', at: T0 + 3_600_000 } });
    await core.call('outbox.cancel', { id: undone.id });
    expect(await since(id, startedAt)).toEqual({ count: 0, latestAt: null });

    core.now.value += 1_000;
    const otherWindowAt = core.now.value;
    await core.call('outbox.send', { conversationId: id, text: 'Réponse d’une autre fenêtre', idempotencyKey: 'other-window-1', when: { kind: 'now' } });
    expect(await since(id, startedAt)).toEqual({ count: 1, latestAt: otherWindowAt });
    await core.outbox.drain();
    // Sent, it is a message in the thread too: still one reply.
    expect(connector.posted.map((reply) => reply.text)).toEqual(['Première réponse', 'Réponse d’une autre fenêtre']);
    expect(await since(id, startedAt)).toEqual({ count: 1, latestAt: otherWindowAt });

    core.now.value += 1_000;
    const awayAt = core.now.value;
    insertReply(core.context.db, { conversationId: id, text: 'Nous sommes fermés.', idempotencyKey: 'away-1', notBefore: awayAt + 3_600_000, scheduledFor: null, now: awayAt, automatic: { kind: 'away_reply', payload: '{"periodStart":0}' } });
    core.now.value += 1_000;
    const onPlatformAt = core.now.value;
    fixture.ingest([commentItem({ n: 1, externalId: 'written-on-facebook', direction: 'out', text: 'Répondu sur Facebook', author: { externalId: 'page-1', handle: '@brulerie', name: 'Brûlerie Test' } })]);
    expect(await since(id, startedAt)).toEqual({ count: 3, latestAt: onPlatformAt });
    // Told up to the away reply, only what came after is news.
    expect(await since(id, awayAt)).toEqual({ count: 1, latestAt: onPlatformAt });
  });

  it('names the latest teammate’s reply after a moment, queued or sent; never mine, an away reply, a cancelled one or one written on the platform', async () => {
    const { core } = fixture;
    const [id = ''] = await conversationIds(1);
    const teammate = (since: number) => core.call('drafts.teammateReplySince', { conversationId: id, since });
    const marc = await core.call('team.add', { name: 'Marc', schedule: null });
    const marcSeq = (core.context.db.prepare('SELECT seq FROM people WHERE id = ?').get(marc.id) as { seq: number }).seq;
    const later = { kind: 'at', at: T0 + 3_600_000 } as const;

    await core.call('outbox.send', { conversationId: id, text: 'La mienne', idempotencyKey: MY_KEY, when: later });
    insertReply(core.context.db, { conversationId: id, text: 'Nous sommes fermés.', idempotencyKey: 'away-1', notBefore: T0, scheduledFor: null, now: core.now.value, automatic: { kind: 'away_reply', payload: '{"periodStart":0}' } });
    const brand = { externalId: 'page-1', handle: '@brulerie', name: 'Brûlerie Test' };
    fixture.ingest([commentItem({ n: 1, externalId: 'on-facebook', direction: 'out', text: 'Répondu sur Facebook', author: brand })]);
    expect(await teammate(0)).toBeNull();

    core.now.value += 1_000;
    const cancelled = insertReply(core.context.db, { conversationId: id, text: 'Oups', idempotencyKey: 'marc-0', notBefore: T0, scheduledFor: null, now: core.now.value, queuedByPersonSeq: marcSeq });
    await core.call('outbox.cancel', { id: cancelled.id });
    expect(await teammate(0)).toBeNull();
    core.now.value += 1_000;
    const queuedAt = core.now.value;
    insertReply(core.context.db, { conversationId: id, text: 'Je m’en occupe', idempotencyKey: 'marc-1', notBefore: T0, scheduledFor: null, now: queuedAt, queuedByPersonSeq: marcSeq });
    expect(await teammate(0)).toEqual({ name: 'Marc', at: queuedAt });
    expect(await teammate(queuedAt)).toBeNull();

    // Sent through Pieuvre by a teammate since removed from the team: their name stays.
    fixture.ingest([commentItem({ n: 90, thread: 'thread-1', externalId: 'by-ana', direction: 'out', text: 'Réglé', author: brand })]);
    recordSender(core.context.db, { accountId: fixture.accountId, externalId: 'by-ana' }, { kind: 'person', personSeq: null, name: 'Ana' });
    expect(await teammate(queuedAt)).toEqual({ name: 'Ana', at: T0 + 90 * 60_000 });
  });
});

describe('drafts on disk', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('survive a restart and are in "Export everything"', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-drafts-'));
    dirs.push(dataDir);
    const first = createTestCore({ dataDir });
    const accountId = addAccount(first.context.db);
    first.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1 })] });
    const [conversation] = (await first.call('conversations.list', {})).items;
    const conversationId = conversation?.id ?? '';
    await first.call('drafts.save', { conversationId, text: 'Bonjour! On vérifie avec l’équipe.' });
    first.close();

    const second = createTestCore({ dataDir });
    try {
      expect(await second.call('drafts.get', { conversationId })).toMatchObject({ text: 'Bonjour! On vérifie avec l’équipe.' });
      await second.health.whenWritable();
      if (!second.data) throw new Error('A core on a data folder has a data service.');
      const lines = readFileSync((await second.data.export()).path, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.filter((line) => line.table === 'drafts')).toEqual([expect.objectContaining({ text: 'Bonjour! On vérifie avec l’équipe.', started_at: T0 })]);
    } finally {
      second.close();
    }
  });
});

describe('query plans', () => {
  const planOf = (sql: string, params: unknown[] | Record<string, unknown>) => {
    const db = openDatabase(':memory:');
    const lines = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(params).map((row) => row.detail);
    db.close();
    return lines;
  };

  it('marks a list row with one primary-key probe of drafts', () => {
    const plan = planOf(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c ${CONVERSATION_JOINS} WHERE c.status = 'open' ORDER BY c.last_message_at DESC, c.seq DESC LIMIT 50`, []);
    expect(plan).toContain('SEARCH d USING INTEGER PRIMARY KEY (rowid=?)');
  });

  it('counts the replies since a draft began through the conversation’s indexes, never a whole table', () => {
    const plan = planOf(REPLIES_SINCE_SQL, { seq: 1, since: 0, exceptKey: 'k' });
    expect(plan.filter((line) => /^SCAN (o|m)\b(?!.*USING (COVERING )?INDEX)/.test(line))).toEqual([]);
    expect(plan.some((line) => line.includes('outbox_by_conversation'))).toBe(true);
    expect(plan.some((line) => /messages_outbound|messages_by_conversation/.test(line))).toBe(true);
  });

  it('finds a teammate’s latest reply through the conversation’s indexes, never a whole table', () => {
    const plan = planOf(TEAMMATE_REPLY_SQL, { seq: 1, since: 0 });
    expect(plan.filter((line) => /^SCAN (o|m)\b(?!.*USING (COVERING )?INDEX)/.test(line))).toEqual([]);
    expect(plan.some((line) => line.includes('outbox_by_conversation'))).toBe(true);
    expect(plan.some((line) => /messages_outbound|messages_by_conversation/.test(line))).toBe(true);
  });
});
