import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { ScriptedConnector } from '../testing/scriptedConnector';

const fx = useCoreWithAccount();

/**
 * A private reply (Meta's Private Replies) is marked so in the comment's thread whatever its
 * connector answered: this fake platform's sent reply carries no reference at all.
 */
describe('a private reply in the comment’s thread', () => {
  it('is marked private once sent, from the outbox’s word; a public reply is not', async () => {
    const { core, accountId } = fx;
    fx.ingest([commentItem({ n: 1, thread: 'fan-thread', text: 'Ma commande #4412 n’est jamais arrivée' })]);
    core.context.connectors.register(accountId, new ScriptedConnector([], { now: () => core.now.value }));
    await core.call('outbox.setUndoDelay', { undoSendMs: 0 });
    const [conversation] = (await core.call('conversations.list', {})).items;
    const conversationId = conversation?.id ?? '';

    const queued = await core.call('outbox.send', { conversationId, text: 'Écrivez-nous votre adresse ici.', idempotencyKey: 'private-1', when: { kind: 'now' }, privately: true });
    expect(queued.isPrivateReply).toBe(true);
    await core.outbox.drain();
    await core.call('outbox.send', { conversationId, text: 'Merci, on regarde!', idempotencyKey: 'public-1', when: { kind: 'now' } });
    await core.outbox.drain();

    const { messages } = await core.call('conversations.get', { id: conversationId });
    expect(Object.fromEntries(messages.map((message) => [message.text, message.isPrivateReply]))).toEqual({
      'Ma commande #4412 n’est jamais arrivée': false,
      'Écrivez-nous votre adresse ici.': true,
      'Merci, on regarde!': false,
    });
    // The mark is in the message's platform reference, which goes to teammates with the message.
    expect(core.context.db.prepare("SELECT platform_ref FROM messages WHERE direction = 'out' ORDER BY seq").pluck().all()).toEqual(['{"kind":"private_reply"}', null]);
  });
});
