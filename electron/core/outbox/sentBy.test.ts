import { describe, expect, it } from 'vitest';
import type { SentBy } from '../../../shared/domain/entities';
import { me } from '../duty/people';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { ScriptedConnector } from '../testing/scriptedConnector';
import { insertReply } from './outboxStore';

const fx = useCoreWithAccount();

/** One conversation from a fan, the account connected, replies sent as soon as queued. */
async function aConversation() {
  const { core, accountId } = fx;
  fx.ingest([commentItem({ n: 1, thread: 'fan-thread', text: 'Ma commande est-elle partie?' })]);
  const connector = new ScriptedConnector([], { now: () => core.now.value });
  core.context.connectors.register(accountId, connector);
  await core.call('outbox.setUndoDelay', { undoSendMs: 0 });
  const [conversation] = (await core.call('conversations.list', {})).items;
  if (!conversation) throw new Error('The conversation was not stored.');
  return conversation.id;
}

/** Each message's sender, by its text. */
const sendersOf = async (conversationId: string): Promise<Record<string, SentBy | null>> =>
  Object.fromEntries((await fx.core.call('conversations.get', { id: conversationId })).messages.map((message) => [message.text, message.sentBy]));

describe('who sent each of the brand’s messages', () => {
  it('a reply I queued is mine; one a teammate queued names them, even once they left the team', async () => {
    const { core } = fx;
    const id = await aConversation();
    await core.call('me.update', { name: 'Ana Lavoie' });
    const teammate = await core.call('team.add', { name: 'Camille Roy', schedule: null });
    await core.call('outbox.send', { conversationId: id, text: 'Elle part demain.', idempotencyKey: 'reply-me', when: { kind: 'now' } });
    await core.outbox.drain();
    // Teammates queue on their own desktops; the store takes whoever queued, as a synced outbox will.
    const camille = core.context.db.prepare<[string], { seq: number }>('SELECT seq FROM people WHERE id = ?').get(teammate.id)?.seq;
    insertReply(core.context.db, { conversationId: id, text: 'Je confirme!', idempotencyKey: 'reply-camille', notBefore: core.now.value, scheduledFor: null, now: core.now.value, queuedByPersonSeq: camille ?? -1 });
    await core.outbox.drain();
    const myId = me(core.context.db, core.now.value).id;
    expect(await sendersOf(id)).toEqual({
      'Ma commande est-elle partie?': null,
      'Elle part demain.': { kind: 'person', personId: myId, name: 'Ana Lavoie', isMe: true },
      'Je confirme!': { kind: 'person', personId: teammate.id, name: 'Camille Roy', isMe: false },
    });
    // Only my reply counts in my wellbeing ledger, and the history names who replied.
    const actors = core.context.db.prepare("SELECT actor FROM activity WHERE action = 'conversation.replied' ORDER BY rowid").all();
    expect(actors).toEqual([{ actor: 'me' }, { actor: teammate.id }]);
    await core.call('team.remove', { id: teammate.id });
    expect((await sendersOf(id))['Je confirme!']).toEqual({ kind: 'person', personId: null, name: 'Camille Roy', isMe: false });
  });

  it('what sync finds of the brand was written outside Pieuvre, unless Pieuvre sent it', async () => {
    const { core } = fx;
    const id = await aConversation();
    fx.ingest([commentItem({ n: 2, thread: 'fan-thread', direction: 'out', author: { externalId: 'page-1', handle: '@brulerie', name: 'Brûlerie Test' }, text: 'Répondu depuis l’app Facebook.' })]);
    // Sync brings in the reply Pieuvre is about to send (the platform answered slowly): the outbox still knows it was mine.
    fx.ingest([commentItem({ n: 3, externalId: 'posted-1', thread: 'fan-thread', direction: 'out', author: { externalId: 'page-1', handle: '@brulerie', name: 'Brûlerie Test' }, text: 'Elle part demain.' })]);
    expect(await sendersOf(id)).toEqual({ 'Ma commande est-elle partie?': null, 'Répondu depuis l’app Facebook.': { kind: 'platform' }, 'Elle part demain.': { kind: 'platform' } });
    await core.call('outbox.send', { conversationId: id, text: 'Elle part demain.', idempotencyKey: 'reply-me', when: { kind: 'now' } });
    await core.outbox.drain();
    expect(await sendersOf(id)).toMatchObject({ 'Répondu depuis l’app Facebook.': { kind: 'platform' }, 'Elle part demain.': { kind: 'person', isMe: true } });
  });
});
