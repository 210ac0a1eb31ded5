import { z } from 'zod';
import { ConnectorError, type ReplyRequest, type SentReply } from '../connector';
import { messageSchema, replySchema } from './instagramEntities';
import { graphTimeMs } from '../meta/graphTime';
import { MESSAGE_FIELDS, REPLY_FIELDS } from './instagramFields';
import type { InstagramHttp } from './instagramHttp';
import { graphPath } from './instagramHosts';
import { readAllPages } from './instagramPages';
import { findPrivateReply, postPrivateReply } from './instagramPrivateReply';
import { readRef, type CommentRef, type DmRef } from './instagramRef';
import type { InstagramBrand } from './normaliseInstagram';

const createdSchema = z.object({ id: z.string().min(1).max(512) });
const sentMessageSchema = z.object({ recipient_id: z.string().optional(), message_id: z.string().min(1).max(512) });

type Target = { kind: 'comment'; ref: CommentRef } | { kind: 'dm'; ref: DmRef };

function targetOf(request: ReplyRequest): Target {
  const ref = readRef(request.inReplyToRef) ?? readRef(request.threadRef);
  if (ref?.kind === 'comment' && request.kind !== 'dm') return { kind: 'comment', ref };
  if (ref?.kind === 'dm' && request.kind === 'dm') return { kind: 'dm', ref };
  throw new ConnectorError('This message has no Instagram reference to answer (it was stored before Pieuvre kept one).', 'permanent');
}

/**
 * A comment reply goes to the top-level comment (Instagram files a reply to a reply there
 * anyway); a DM through the Send API to the person of the conversation, tagged HUMAN_AGENT when
 * a person answers past 24 hours; a private reply to the comment's author (instagramPrivateReply).
 * Instagram has no idempotency key: findSent looks instead.
 */
export async function postReply(http: InstagramHttp, brand: InstagramBrand, request: ReplyRequest, now: number, signal: AbortSignal): Promise<SentReply> {
  const target = targetOf(request);
  if (request.privately === true && target.kind === 'comment') return postPrivateReply(http, brand, request, now, signal);
  if (target.kind === 'comment') {
    if (target.ref.hidden) throw new ConnectorError('Instagram does not take a reply to a hidden comment: show it again first.', 'permanent');
    const body = await http.call({ method: 'POST', path: graphPath(`/${encodeURIComponent(target.ref.topId)}/replies`), query: { message: request.text }, signal });
    const created = createdSchema.safeParse(body);
    if (!created.success) throw new ConnectorError('Instagram posted the reply but did not say its id.', 'transient');
    return { externalId: created.data.id, createdAt: now, permalink: null, ref: { ...target.ref, hidden: false, createdAt: now } };
  }
  const tag = request.messagingTag === 'HUMAN_AGENT' ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } : {};
  const body = await http.call({ method: 'POST', path: graphPath(`/${encodeURIComponent(brand.userId)}/messages`), json: { recipient: { id: target.ref.participantId }, message: { text: request.text }, ...tag }, signal });
  const sent = sentMessageSchema.safeParse(body);
  if (!sent.success) throw new ConnectorError('Instagram sent the message but did not say its id.', 'transient');
  return { externalId: sent.data.message_id, createdAt: now, permalink: null, ref: { ...target.ref, createdAt: now } };
}

/**
 * The reply an unclear attempt already made: in the thread (the top-level comment's replies, or
 * the conversation's recent messages), one by the brand with the same words, written after the
 * message answered (for a DM, after the person's latest message). Not there: not posted.
 */
export async function findReply(http: InstagramHttp, brand: InstagramBrand, request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
  const target = targetOf(request);
  if (request.privately === true && target.kind === 'comment') return findPrivateReply(http, brand, request, target.ref, signal);
  const after = readRef(request.inReplyToRef)?.createdAt ?? 0;
  const words = request.text.trim();
  if (target.kind === 'comment') {
    const replies = await readAllPages(http, graphPath(`/${encodeURIComponent(target.ref.topId)}/replies`), { fields: REPLY_FIELDS }, signal, 20);
    const found = newest(replies.flatMap((raw) => {
      const reply = replySchema.safeParse(raw);
      if (!reply.success) return [];
      const at = graphTimeMs(reply.data.timestamp);
      const isBrand = reply.data.from?.id === brand.userId || (reply.data.from?.username ?? reply.data.username) === brand.username;
      return isBrand && at !== null && at >= after && reply.data.text.trim() === words ? [{ id: reply.data.id, at }] : [];
    }));
    return found && { externalId: found.id, createdAt: found.at, permalink: null, ref: { ...target.ref, hidden: false, createdAt: found.at } };
  }
  const messages = (await readAllPages(http, graphPath(`/${encodeURIComponent(target.ref.conversationId)}/messages`), { fields: MESSAGE_FIELDS }, signal, 1)).flatMap((raw) => {
    const message = messageSchema.safeParse(raw);
    const at = message.success ? graphTimeMs(message.data.created_time) : null;
    return message.success && at !== null ? [{ ...message.data, at }] : [];
  });
  // A DM answers the person's latest message: the same words sent before it were an earlier answer.
  const since = Math.max(after, ...messages.filter((message) => message.from.id !== brand.userId).map((message) => message.at));
  const found = newest(messages.flatMap((message) => (message.from.id === brand.userId && message.at >= since && (message.message ?? '').trim() === words ? [{ id: message.id, at: message.at }] : [])));
  return found && { externalId: found.id, createdAt: found.at, permalink: null, ref: { ...target.ref, createdAt: found.at } };
}

const newest = (found: { id: string; at: number }[]): { id: string; at: number } | null => found.reduce<{ id: string; at: number } | null>((best, each) => (best === null || each.at > best.at ? each : best), null);
