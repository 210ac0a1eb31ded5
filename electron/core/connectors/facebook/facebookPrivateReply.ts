import { z } from 'zod';
import type { ReplyRequest, SentReply } from '../connector';
import { graphListSchema } from './facebookEntities';
import { MESSAGE_FIELDS, MESSAGES_LIMIT } from './facebookFields';
import { normaliseMessage, type FacebookPage } from './facebookNormalise';
import type { FacebookRef } from './facebookRef';
import { unexpectedAnswer } from './graphHttp';
import type { PageGraph } from './pageSession';

type CommentRef = Extract<FacebookRef, { kind: 'comment' }>;

const sentSchema = z.object({ recipient_id: z.string().optional(), message_id: z.string().min(1) });
/** `private_reply_conversation`: the Messenger conversation a private reply to this comment opened (absent before one). */
const privateReplySchema = z.object({ private_reply_conversation: z.object({ id: z.string().min(1) }).optional() });

/**
 * Meta's Private Replies (Messenger Platform, "Private Replies"): one message to a comment's
 * author, in Messenger, within 7 days of the comment, through the Send API with
 * `recipient: { comment_id }`. Its example sends no `messaging_type`, but the Send API's reference
 * requires one on every send and the Private Replies page allows them all: `RESPONSE`. The policy
 * refuses it past the window or once one was sent; Meta refuses it too (`(#10)`, see graphErrors).
 */
export async function postPrivateReply(graph: PageGraph, page: FacebookPage, comment: CommentRef, text: string, now: number, signal: AbortSignal): Promise<SentReply> {
  const what = 'replying privately in Messenger';
  const body = sentSchema.safeParse(await graph.call({ method: 'POST', path: `/${encodeURIComponent(page.id)}/messages`, body: { recipient: { comment_id: comment.id }, messaging_type: 'RESPONSE', message: { text } }, signal, what }));
  if (!body.success) throw unexpectedAnswer(what);
  return { externalId: body.data.message_id, createdAt: now, permalink: null, ref: { kind: 'private_reply', id: body.data.message_id, comment: comment.id, at: now } };
}

/**
 * The private reply an earlier attempt already sent. Facebook keeps no idempotency key, but the
 * comment names the conversation its private reply opened (`private_reply_conversation`): none,
 * and nothing was sent; one, and the Page's message with the same words in it is the reply. A
 * conversation without those words means a private reply went from elsewhere (only one is
 * allowed): 'unknown', for the person to look.
 */
export async function findPrivateReply(graph: PageGraph, page: FacebookPage, comment: CommentRef, request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null | 'unknown'> {
  const what = 'looking for the private reply already sent';
  const node = privateReplySchema.safeParse(await graph.call({ path: `/${encodeURIComponent(comment.id)}`, query: { fields: 'private_reply_conversation{id}' }, signal, what }));
  if (!node.success) throw unexpectedAnswer(what);
  const conversation = node.data.private_reply_conversation?.id;
  if (conversation === undefined) return null;
  const list = graphListSchema.safeParse(await graph.call({ path: `/${encodeURIComponent(conversation)}/messages`, query: { fields: MESSAGE_FIELDS, limit: MESSAGES_LIMIT }, signal, what }));
  if (!list.success) throw unexpectedAnswer(what);
  const words = request.text.trim();
  for (const payload of list.data.data) {
    const normalised = normaliseMessage(payload, conversation, page);
    if (normalised.outcome !== 'item' || normalised.item.direction !== 'out' || normalised.item.text.trim() !== words) continue;
    const { externalId } = normalised.item;
    return { externalId, createdAt: normalised.createdAt, permalink: null, ref: { kind: 'private_reply', id: externalId, comment: comment.id, at: normalised.createdAt } };
  }
  return 'unknown';
}
