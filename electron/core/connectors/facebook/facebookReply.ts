import { z } from 'zod';
import { ConnectorError, type ReplyRequest, type SentReply } from '../connector';
import { graphListSchema } from './facebookEntities';
import { COMMENT_FIELDS, MESSAGE_FIELDS, MESSAGES_LIMIT, PAGE_LIMIT } from './facebookFields';
import { normaliseComment, normaliseMessage, type FacebookPage } from './facebookNormalise';
import { findPrivateReply, postPrivateReply } from './facebookPrivateReply';
import { readRef, textHash, type FacebookRef } from './facebookRef';
import { graphPages } from './graphPages';
import { unexpectedAnswer } from './graphHttp';
import type { PageGraph } from './pageSession';

const createdSchema = z.object({ id: z.string().min(1) });
const sentMessageSchema = z.object({ recipient_id: z.string().optional(), message_id: z.string().min(1) });

type Answered = Extract<FacebookRef, { kind: 'comment' }> | Extract<FacebookRef, { kind: 'dm' }>;

function answered(request: ReplyRequest): Answered {
  const ref = readRef(request.inReplyToRef) ?? readRef(request.threadRef);
  if (ref === null || ref.kind === 'private_reply') throw new ConnectorError('This message has no Facebook reference to answer (it was stored before Pieuvre kept one).', 'permanent');
  return ref;
}

/** A private reply answers the comment itself (its author), not the thread's first comment. */
function privatelyAnswered(request: ReplyRequest): Extract<FacebookRef, { kind: 'comment' }> {
  const ref = answered(request);
  if (ref.kind !== 'comment') throw new ConnectorError('Only a comment takes a private reply in Messenger.', 'permanent');
  return ref;
}

/**
 * A comment reply goes under the thread's top-level comment (`POST /{comment-id}/comments`):
 * Facebook keeps replies one level deep, so answering a reply answers its thread. A DM goes through the Send API to the
 * person's PSID: a `RESPONSE` within 24 hours of their last message, or tagged `HUMAN_AGENT`
 * (a person's answer, up to 7 days) when the outbox says so.
 */
export async function postReply(graph: PageGraph, page: FacebookPage, request: ReplyRequest, now: number, signal: AbortSignal): Promise<SentReply> {
  if (request.privately === true) return postPrivateReply(graph, page, privatelyAnswered(request), request.text, now, signal);
  const ref = answered(request);
  if (ref.kind === 'comment') {
    const body = createdSchema.safeParse(await graph.call({ method: 'POST', path: `/${encodeURIComponent(request.threadExternalId)}/comments`, body: { message: request.text }, signal, what: 'replying to the comment' }));
    if (!body.success) throw unexpectedAnswer('replying to the comment');
    return { externalId: body.data.id, createdAt: now, permalink: null, ref: { ...ref, id: body.data.id, at: now, hash: textHash(request.text), isHidden: false } };
  }
  const message = request.messagingTag === 'HUMAN_AGENT' ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } : { messaging_type: 'RESPONSE' };
  const body = sentMessageSchema.safeParse(
    await graph.call({ method: 'POST', path: `/${encodeURIComponent(page.id)}/messages`, body: { recipient: { id: ref.psid }, ...message, message: { text: request.text } }, signal, what: 'sending the message' }),
  );
  if (!body.success) throw unexpectedAnswer('sending the message');
  return { externalId: body.data.message_id, createdAt: now, permalink: null, ref: { ...ref, id: body.data.message_id, at: now } };
}

/**
 * The reply an earlier attempt already posted, found by reading the thread again: Facebook has no
 * idempotency key, so it is the Page's own comment (or message) with the same words, written after
 * the message answered. Comments: the replies under the thread's comment. DMs: the conversation's
 * latest messages. A private reply: see findPrivateReply.
 */
export async function findReply(graph: PageGraph, page: FacebookPage, request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null | 'unknown'> {
  if (request.privately === true) return findPrivateReply(graph, page, privatelyAnswered(request), request, signal);
  const ref = answered(request);
  const words = request.text.trim();
  if (ref.kind === 'comment') {
    const post = { id: ref.post, message: '', created_time: new Date(ref.at).toISOString() };
    const call = { path: `/${encodeURIComponent(request.threadExternalId)}/comments`, query: { fields: COMMENT_FIELDS, filter: 'stream', order: 'reverse_chronological', limit: PAGE_LIMIT }, signal, what: 'looking for the reply already posted' };
    for await (const list of graphPages(graph, call)) {
      for (const payload of list) {
        const normalised = normaliseComment(payload, post, page);
        if (normalised.outcome !== 'item') continue;
        if (normalised.createdAt < ref.at) return null;
        if (normalised.item.direction === 'out' && normalised.item.text.trim() === words) return sent(normalised.item.externalId, normalised.createdAt, normalised.ref);
      }
    }
    return null;
  }
  const what = 'looking for the message already sent';
  const list = graphListSchema.safeParse(await graph.call({ path: `/${encodeURIComponent(ref.conversation)}/messages`, query: { fields: MESSAGE_FIELDS, limit: MESSAGES_LIMIT }, signal, what }));
  if (!list.success) throw unexpectedAnswer(what);
  for (const payload of list.data.data) {
    const normalised = normaliseMessage(payload, ref.conversation, page);
    if (normalised.outcome !== 'item' || normalised.createdAt < ref.at) continue;
    if (normalised.item.direction === 'out' && normalised.item.text.trim() === words) return sent(normalised.item.externalId, normalised.createdAt, normalised.ref);
  }
  return null;
}

const sent = (externalId: string, createdAt: number, ref: FacebookRef): SentReply => ({ externalId, createdAt, permalink: null, ref });

