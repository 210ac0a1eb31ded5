import { z } from 'zod';
import { ConnectorError, type ReplyRequest, type SentReply } from '../connector';
import { graphTimeMs } from '../meta/graphTime';
import { messageSchema } from './instagramEntities';
import { CONVERSATION_FIELDS, MESSAGE_FIELDS } from './instagramFields';
import { graphPath } from './instagramHosts';
import type { InstagramHttp } from './instagramHttp';
import { readAllPages, readPage } from './instagramPages';
import type { CommentRef } from './instagramRef';
import type { InstagramBrand } from './normaliseInstagram';

const sentSchema = z.object({ recipient_id: z.string().optional(), message_id: z.string().min(1).max(512) });
const authorSchema = z.object({ from: z.object({ id: z.string().min(1) }) });
const conversationSchema = z.object({ id: z.string().min(1) });

/** The comment answered: the message itself (a private reply goes to its author, not the thread's). */
function commentIdOf(request: ReplyRequest): string {
  if (request.inReplyToExternalId === null) throw new ConnectorError('Only a comment takes a private reply.', 'permanent');
  return request.inReplyToExternalId;
}

/**
 * Instagram's Private Replies ("Send a Private Reply to a Commenter"): one message to the
 * comment's author within 7 days of the comment, `POST /{ig-user-id}/messages` with
 * `recipient: { comment_id }` (`messaging_type: RESPONSE`, as Messenger's Send API asks of every
 * send). It lands in their Inbox, or their Requests when they do not follow
 * the account. The reply rules refuse a second one or a late one first.
 */
export async function postPrivateReply(http: InstagramHttp, brand: InstagramBrand, request: ReplyRequest, now: number, signal: AbortSignal): Promise<SentReply> {
  const commentId = commentIdOf(request);
  const body = await http.call({ method: 'POST', path: graphPath(`/${encodeURIComponent(brand.userId)}/messages`), json: { recipient: { comment_id: commentId }, messaging_type: 'RESPONSE', message: { text: request.text } }, signal });
  const sent = sentSchema.safeParse(body);
  if (!sent.success) throw new ConnectorError('Instagram sent the private reply but did not say its id.', 'transient');
  return { externalId: sent.data.message_id, createdAt: now, permalink: null, ref: { kind: 'private_reply', commentId, createdAt: now } };
}

/**
 * The private reply an earlier attempt sent: an Instagram comment does not name the conversation
 * its private reply opened, so Pieuvre reads who wrote the comment (`from`), their conversation
 * with the account (Get Conversations with `user_id`) and, in it, the account's message with the
 * same words written after the comment. None there: it was not sent.
 */
export async function findPrivateReply(http: InstagramHttp, brand: InstagramBrand, request: ReplyRequest, answered: CommentRef, signal: AbortSignal): Promise<SentReply | null> {
  const commentId = commentIdOf(request);
  const author = authorSchema.safeParse(await http.call({ path: graphPath(`/${encodeURIComponent(commentId)}`), query: { fields: 'from' }, signal }));
  if (!author.success) throw new ConnectorError('Instagram did not say who wrote the comment answered privately.', 'transient');
  const conversations = await readPage(http, graphPath('/me/conversations'), { platform: 'instagram', user_id: author.data.from.id, fields: CONVERSATION_FIELDS }, signal);
  const conversation = conversationSchema.safeParse(conversations.data[0]);
  if (!conversation.success) return null;
  const words = request.text.trim();
  for (const raw of await readAllPages(http, graphPath(`/${encodeURIComponent(conversation.data.id)}/messages`), { fields: MESSAGE_FIELDS }, signal, 1)) {
    const message = messageSchema.safeParse(raw);
    const at = message.success ? graphTimeMs(message.data.created_time) : null;
    if (!message.success || at === null || at < answered.createdAt || message.data.from.id !== brand.userId || (message.data.message ?? '').trim() !== words) continue;
    return { externalId: message.data.id, createdAt: at, permalink: null, ref: { kind: 'private_reply', commentId, createdAt: at } };
  }
  return null;
}
