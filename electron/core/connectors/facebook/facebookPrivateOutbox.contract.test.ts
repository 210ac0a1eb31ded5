import { afterEach, describe, expect, it } from 'vitest';
import { memoryUsageMeter } from '../../accounts/usageMeter';
import { addAccount } from '../../testing/itemBuilder';
import { ManualTimers } from '../../testing/manualTimers';
import { createTestCore, type TestCore } from '../../testing/testCore';
import type { Connector } from '../connector';
import { FacebookContractServer } from './contract/facebookContractServer';
import { contractSecret } from './contract/facebookTestKit';
import { facebookConnectorFactory } from './facebookPlatform';
import { encodeFacebookSecret } from './facebookSecret';

// A private reply (Meta's Private Replies) through a real core: the reply rules say when it can go
// (7 days after the comment, once per comment), the outbox sends it to the Graph contract server,
// and a send the process died in (the row left `sending`) is found through the comment's
// private_reply_conversation rather than sent twice.

const START = Date.parse('2026-12-05T15:00:00Z');
const DAY_MS = 86_400_000;
let core: TestCore;
let server: FacebookContractServer;
afterEach(async () => {
  core.close();
  await server.close();
});

async function setUp() {
  core = createTestCore({ startAt: START, sync: { timers: new ManualTimers(), random: () => 0.5 } });
  server = await FacebookContractServer.start({ now: () => core.now.value });
  server.posts.push({ id: `${server.page.id}_900001`, message: 'Nouveau menu d’hiver', createdAt: START - 2 * DAY_MS, updatedAt: START - 2 * DAY_MS });
  const comment = server.comment(`${server.page.id}_900001`, 'Ma commande #4412 n’est jamais arrivée', { at: START - DAY_MS, from: { id: '7300000042', name: 'Léa Roy' } });
  const accountId = addAccount(core.context.db, 'facebook', server.page.id);
  const io = { now: () => core.now.value, fetch, saveSecret: () => Promise.resolve(), app: server.app, usage: memoryUsageMeter() };
  const connector = (await facebookConnectorFactory(server.url).open({ id: accountId, platform: 'facebook', externalId: server.page.id, handle: server.page.name, server: null }, encodeFacebookSecret(contractSecret(server)), io)) as Connector;
  core.context.connectors.register(accountId, connector);
  core.sync.start(accountId, 0);
  await core.sync.syncNow(accountId);
  const [conversation] = (await core.call('conversations.list', { accountId })).items;
  if (!conversation) throw new Error('the comment was not synced');
  await core.call('outbox.setUndoDelay', { undoSendMs: 0 });
  return { comment, connector, conversationId: conversation.id };
}

const WORDS = 'Bonjour Léa, écrivez-nous votre adresse ici et on s’en occupe.';
const privately = (conversationId: string, idempotencyKey = 'draft-private-1') => ({ conversationId, text: WORDS, idempotencyKey, when: { kind: 'now' as const }, privately: true });

describe('Facebook private replies through a real outbox', () => {
  it('are offered for 7 days after the comment, go once, and a second one is refused before the platform', async () => {
    const { comment, conversationId } = await setUp();
    const offered = await core.call('replies.check', { conversationId, text: WORDS, privately: true });
    expect(offered).toMatchObject({ privateReply: { closesAt: comment.createdAt + 7 * DAY_MS, isUsed: false }, maxLength: 2_000, problems: [] });

    const queued = await core.call('outbox.send', privately(conversationId));
    expect(queued.isPrivateReply).toBe(true);
    // The same key again is the same reply, not a second one.
    expect((await core.call('outbox.send', privately(conversationId))).id).toBe(queued.id);
    expect((await core.call('replies.check', { conversationId, text: 'Autre chose', privately: true })).problems).toEqual([{ code: 'private_reply_used' }]);
    await expect(core.call('outbox.send', { ...privately(conversationId, 'draft-private-2'), text: 'Autre chose' })).rejects.toThrow('already has its one private reply');

    core.outbox.start();
    await core.outbox.drain();
    expect(server.privateRepliesReceived()).toEqual([{ commentId: comment.id, text: WORDS }]);
    expect(server.replies).toEqual([]);
    expect((await core.call('outbox.list', { scope: 'all' })).find((item) => item.id === queued.id)).toMatchObject({ state: 'sent', isPrivateReply: true });
    const outbound = (await core.call('conversations.get', { id: conversationId })).messages.filter((message) => message.direction === 'out');
    // Kept in the comment's thread, said to be private: it is not under the comment on Facebook.
    expect(outbound.map(({ text, isPrivateReply }) => ({ text, isPrivateReply }))).toEqual([{ text: WORDS, isPrivateReply: true }]);
    // A public reply to the same comment still goes, and is not marked private.
    expect((await core.call('replies.check', { conversationId, text: 'Merci!' })).problems).toEqual([]);
    await core.call('outbox.send', { conversationId, text: 'Merci!', idempotencyKey: 'draft-public-1', when: { kind: 'now' } });
    await core.outbox.drain();
    const after = (await core.call('conversations.get', { id: conversationId })).messages.filter((message) => message.direction === 'out');
    expect(after.map(({ text, isPrivateReply }) => ({ text, isPrivateReply }))).toEqual([{ text: WORDS, isPrivateReply: true }, { text: 'Merci!', isPrivateReply: false }]);
  });

  it('past the 7 days, the rules say until when it was possible', async () => {
    const { comment, conversationId } = await setUp();
    core.now.value = comment.createdAt + 8 * DAY_MS;
    expect((await core.call('replies.check', { conversationId, text: WORDS, privately: true })).problems).toEqual([{ code: 'private_reply_closed', closedAt: comment.createdAt + 7 * DAY_MS }]);
    await expect(core.call('outbox.send', privately(conversationId))).rejects.toThrow('private reply to this comment was possible until');
  });

  it('one Messenger took before the process died is found and recorded, not sent again', async () => {
    const { comment, connector, conversationId } = await setUp();
    // Held by the undo delay, so that the test plays the attempt that reached Messenger.
    await core.call('outbox.setUndoDelay', { undoSendMs: 10_000 });
    const queued = await core.call('outbox.send', privately(conversationId));
    const [answered] = (await core.call('conversations.get', { id: conversationId })).messages;
    // The attempt that reached Messenger before the process died: the row is left `sending`, as a crash leaves it.
    core.context.db.prepare("UPDATE outbox SET state = 'sending', not_before = ? WHERE id = ?").run(core.now.value, queued.id);
    const ref = { kind: 'comment', id: comment.id, post: comment.postId, at: comment.createdAt, hash: 'x', isHidden: false };
    await connector.reply({ threadExternalId: comment.id, threadRef: ref, inReplyToExternalId: answered!.externalId, inReplyToRef: ref, kind: 'comment', text: WORDS, idempotencyKey: 'draft-private-1', messagingTag: null, privately: true }, AbortSignal.timeout(5_000));
    core.outbox.start();
    await core.outbox.drain();
    expect(server.privateRepliesReceived()).toEqual([{ commentId: comment.id, text: WORDS }]);
    expect(server.received('POST', `/v26.0/${server.page.id}/messages`)).toHaveLength(1);
    expect((await core.call('outbox.list', { scope: 'all' })).find((item) => item.id === queued.id)).toMatchObject({ state: 'sent', mayHaveReached: true, isPrivateReply: true });
    const outbound = (await core.call('conversations.get', { id: conversationId })).messages.filter((message) => message.direction === 'out');
    expect(outbound.map(({ text, isPrivateReply }) => ({ text, isPrivateReply }))).toEqual([{ text: WORDS, isPrivateReply: true }]);
  });
});
