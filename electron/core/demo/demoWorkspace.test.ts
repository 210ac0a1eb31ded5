import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DemoConnector } from '../connectors/demo/demoConnector';
import { DEMO_TEAMMATES } from './demoTeammates';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { createTestCore, type TestCore } from '../testing/testCore';

let core: TestCore;
beforeEach(() => {
  core = createTestCore();
});
afterEach(() => core.close());

const count = (sql: string) => (core.context.db.prepare(sql).get() as { n: number }).n;

describe('demo workspace', () => {
  it('starts on a living bilingual inbox with one demo account per platform', async () => {
    const status = await core.call('demo.start', { seed: 7 });
    expect(status.isRunning).toBe(true);
    const accounts = await core.call('accounts.list', {});
    expect(accounts.map((account) => account.platform).sort()).toEqual(['bluesky', 'facebook', 'instagram', 'mastodon', 'x', 'youtube']);
    expect(accounts.every((account) => account.isDemo)).toBe(true);
    const inbox = await core.call('conversations.list', { status: 'open' });
    expect(inbox.total).toBeGreaterThan(50);
    expect(new Set(inbox.items.map((conversation) => conversation.kind))).toEqual(new Set(['comment', 'mention', 'dm']));
    expect(count("SELECT count(*) AS n FROM messages WHERE language = 'fr'")).toBeGreaterThan(50);
    expect(count("SELECT count(*) AS n FROM messages WHERE language = 'en'")).toBeGreaterThan(50);
    expect(count('SELECT count(*) AS n FROM rejected_items')).toBe(0);
    expect((await core.call('messages.search', { text: 'reponse' })).items.length).toBeGreaterThan(0);
  });

  it('answers through made-up teammates, never as the person trying it', async () => {
    await core.call('demo.start', { seed: 7 });
    const senders = core.context.db.prepare("SELECT sent_by_kind AS kind, sent_by_name AS name, count(*) AS n FROM messages WHERE direction = 'out' GROUP BY 1, 2 ORDER BY 2").all();
    expect(senders).toEqual([...DEMO_TEAMMATES].sort().map((name) => ({ kind: 'person', name, n: expect.any(Number) })));
  });

  it('is deterministic: the same seed gives the same inbox', async () => {
    await core.call('demo.start', { seed: 7 });
    const first = core.context.db.prepare('SELECT external_id, text FROM messages ORDER BY seq').all();
    const other = createTestCore();
    await other.call('demo.start', { seed: 7 });
    expect(other.context.db.prepare('SELECT external_id, text FROM messages ORDER BY seq').all()).toEqual(first);
    other.close();
  });

  it('trickles new items in live mode as time passes', async () => {
    await core.call('demo.start', { seed: 7, ratePerMinute: 6 });
    const before = count('SELECT count(*) AS n FROM messages');
    const changed = new Promise<string[]>((resolve) => core.client.on('inbox.changed', (event) => resolve(event.conversationIds)));
    core.now.value += 10 * 60_000;
    const arrived = await core.demo.pollOnce();
    expect(arrived).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM messages')).toBe(before + arrived);
    expect((await changed).length).toBeGreaterThan(0);
    expect(await core.demo.pollOnce()).toBe(0);
    expect((await core.call('accounts.list', {})).map((account) => account.lastSyncAt)).toEqual(Array(6).fill(core.now.value));
  });

  it('sends a reply once through the outbox and shows it in the thread as an outbound message', async () => {
    await core.call('demo.start', { seed: 7 });
    const [conversation] = (await core.call('conversations.list', { kind: 'comment', platform: 'facebook' })).items;
    const id = conversation?.id ?? '';
    const reply = { conversationId: id, text: 'Merci! On regarde ça tout de suite.', idempotencyKey: 'reply-0001', when: { kind: 'now' } } as const;
    const queued = await core.call('outbox.send', reply);
    expect(await core.call('outbox.send', reply)).toEqual(queued);
    core.now.value += 10_000;
    await core.outbox.drain();
    expect(await core.call('outbox.list', { scope: 'all', conversationId: id })).toMatchObject([{ id: queued.id, state: 'sent', attempts: 0 }]);
    const detail = await core.call('conversations.get', { id });
    expect(detail.messages.filter((message) => message.text === reply.text)).toHaveLength(1);
    expect(detail.messages.at(-1)).toMatchObject({ direction: 'out', text: reply.text });
    const account = (await core.call('accounts.list', {})).find((candidate) => candidate.platform === 'facebook');
    const connector = core.context.connectors.forAccount(account?.id ?? '');
    expect(connector).toBeInstanceOf(DemoConnector);
    expect((connector as DemoConnector).receivedReplies.map((request) => request.idempotencyKey)).toEqual(['reply-0001']);
  });

  it('is removed in one call, taking everything it brought and nothing else', async () => {
    const realAccount = addAccount(core.context.db, 'facebook', 'real-page');
    core.context.ingest({ accountId: realAccount, source: 'test', items: [commentItem({ n: 1 })] });
    await core.call('demo.start', { seed: 7 });
    const [demoConversation] = (await core.call('conversations.list', { platform: 'x' })).items;
    await core.call('conversations.setStatus', { ids: [demoConversation?.id ?? ''], status: 'done' });
    expect(await core.call('demo.remove', {})).toEqual({ removedAccounts: 6 });
    expect((await core.call('accounts.list', {})).map((account) => account.id)).toEqual([realAccount]);
    const inbox = await core.call('conversations.list', {});
    expect(inbox.total).toBe(1);
    expect(inbox.items.map((conversation) => conversation.snippet)).toEqual(['Message number 1']);
    expect(count("SELECT count(*) AS n FROM contacts WHERE external_id LIKE 'demo-%'")).toBe(0);
    expect(count('SELECT count(*) AS n FROM posts')).toBe(1);
    expect(count("SELECT count(*) AS n FROM activity WHERE subject_id NOT IN (SELECT id FROM conversations)")).toBe(0);
    expect(count('SELECT count(*) AS n FROM conversation_counts WHERE n > 0')).toBe(1);
    expect(count('SELECT count(*) AS n FROM messages')).toBe(1);
    expect((await core.call('demo.stop', {})).isRunning).toBe(false);
  });
});
