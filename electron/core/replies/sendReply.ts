import { ApiFailure } from '../../../shared/api/result';
import type { Message } from '../../../shared/domain/entities';
import type { CoreContext } from '../coreContext';
import { getConversation } from '../store/conversationQueries';
import { recordReply } from '../store/conversationMutations';

type ReplyInput = { id: string; text: string; idempotencyKey: string };

/**
 * The one path every reply takes (the composer's, later the outbox's): the connector posts
 * it, then it is ingested as an outbound message so it shows in the thread like any other,
 * and put on the record with who sent it.
 */
export async function sendReply(ctx: CoreContext, { id, text, idempotencyKey }: ReplyInput, actor: string): Promise<Message> {
  const conversation = getConversation(ctx.db, id);
  const connector = ctx.connectors.forAccount(conversation.accountId);
  const account = ctx.db
    .prepare<[string], { external_id: string; name: string; handle: string }>('SELECT external_id, name, handle FROM accounts WHERE id = ?')
    .get(conversation.accountId);
  const thread = ctx.db.prepare<[string], { thread_external_id: string }>('SELECT thread_external_id FROM conversations WHERE id = ?').get(id);
  if (!account || !thread) throw new ApiFailure('not_found', `Conversation ${id} has no account.`);
  const inbound = conversation.messages.filter((message) => message.direction === 'in').at(-1);
  const sent = await connector.reply({
    threadExternalId: thread.thread_external_id,
    inReplyToExternalId: conversation.kind === 'dm' ? null : (inbound?.externalId ?? null),
    kind: conversation.kind,
    text,
    idempotencyKey,
  });
  ctx.ingest({
    accountId: conversation.accountId,
    source: `reply:${connector.platform}`,
    items: [
      {
        platform: connector.platform,
        kind: conversation.kind === 'comment' ? 'reply' : conversation.kind,
        direction: 'out',
        externalId: sent.externalId,
        threadExternalId: thread.thread_external_id,
        parentExternalId: conversation.kind === 'dm' ? null : (inbound?.externalId ?? null),
        author: { externalId: account.external_id, handle: account.handle, name: account.name },
        text,
        createdAt: sent.createdAt,
        permalink: sent.permalink,
        post: conversation.post ? { ...conversation.post } : null,
      },
    ],
  });
  const message = getConversation(ctx.db, id).messages.find((candidate) => candidate.externalId === sent.externalId);
  if (!message) throw new Error(`The reply ${sent.externalId} was sent but could not be stored.`);
  recordReply(ctx.db, { conversationId: id, messageId: message.id }, actor, ctx.clock());
  return message;
}
