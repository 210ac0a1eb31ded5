import { ConnectorError, type ReplyRequest, type SentReply } from '../connector';
import type { XBrand } from './normaliseX';
import type { XBudget } from './xBudget';
import { referencesOf, xCreatedDmSchema, xCreatedPostSchema, xDmEventSchema, xListSchema, xPostSchema } from './xEntities';
import type { XHttp } from './xHttp';
import { DM_FIELDS, listCost } from './xQueries';
import { readXRef, type XRef } from './xRef';
import { replyCost, X_PRICES_USD } from './xPricing';
import { comparableText } from './xText';

export type XReplyContext = { http: XHttp; budget: XBudget; brand: XBrand; now: () => number };

/** How many of the brand's newest posts, or of a conversation's newest DM events, `findSent` reads. */
const FIND_PAGE = 100;

function answered(request: ReplyRequest): XRef {
  const ref = readXRef(request.inReplyToRef) ?? readXRef(request.threadRef);
  if (ref === null) throw new ConnectorError('This message has no X reference to answer (it was stored before Pieuvre kept one).', 'permanent');
  return ref;
}

/**
 * A DM goes to its conversation (`POST /2/dm_conversations/:id/messages`); a post reply
 * (`POST /2/tweets` with `reply.in_reply_to_tweet_id`) only where the author summoned the
 * brand, which X has required since February 2026: refused here before it costs anything.
 * X has no idempotency key: the outbox asks `findSent` before any second attempt.
 */
export async function postXReply(context: XReplyContext, request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
  const ref = answered(request);
  const { http, budget, brand, now } = context;
  if (request.kind === 'dm' || ref.dm) {
    budget.ensureAffordable(X_PRICES_USD.dmCreate, 'sending this message');
    const response = await http.call({ method: 'POST', path: `/2/dm_conversations/${encodeURIComponent(ref.conversationId)}/messages`, body: { text: request.text }, what: 'sending the message', cost: () => X_PRICES_USD.dmCreate, signal });
    const created = xCreatedDmSchema.safeParse(response.body);
    if (!created.success) throw new ConnectorError('X took the message but answered without its id.', 'transient');
    return { externalId: created.data.data.dm_event_id, createdAt: now(), permalink: null, ref: { id: created.data.data.dm_event_id, authorId: brand.userId, conversationId: ref.conversationId, isSummoned: false, dm: true } satisfies XRef };
  }
  if (!ref.isSummoned) throw new ConnectorError(`X takes a reply only where the author mentioned @${brand.username} or quoted one of its posts, and this post does neither.`, 'permanent');
  const cost = replyCost(request.text);
  budget.ensureAffordable(cost, 'posting this reply');
  const response = await http.call({ method: 'POST', path: '/2/tweets', body: { text: request.text, reply: { in_reply_to_tweet_id: ref.id } }, what: 'posting the reply', cost: () => cost, signal });
  const created = xCreatedPostSchema.safeParse(response.body);
  if (!created.success) throw new ConnectorError('X took the reply but answered without its id.', 'transient');
  return sentPost(created.data.data.id, now(), ref, brand);
}

/**
 * The reply this request already made, if any: for a post, among the brand's posts newer than
 * the one answered, one answering it with the same words; for a DM, a message of the brand's
 * with the same words since the other person last wrote (an older one with the same words was
 * an earlier answer). Past the newest hundred, it was not posted.
 */
export async function findXReply(context: XReplyContext, request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
  const ref = answered(request);
  const words = comparableText(request.text);
  return request.kind === 'dm' || ref.dm ? findDm(context, ref, words, signal) : findPost(context, ref, words, signal);
}

async function findPost({ http, brand }: XReplyContext, ref: XRef, words: string, signal: AbortSignal): Promise<SentReply | null> {
  const response = await http.call({
    path: `/2/users/${encodeURIComponent(brand.userId)}/tweets`,
    query: { since_id: ref.id, max_results: String(FIND_PAGE), 'tweet.fields': 'created_at,author_id,conversation_id,referenced_tweets' },
    what: 'reading the brand’s latest posts',
    cost: listCost('posts'),
    signal,
  });
  for (const raw of xListSchema.safeParse(response.body).data?.data ?? []) {
    const post = xPostSchema.safeParse(raw);
    if (!post.success) continue;
    const answers = referencesOf(post.data).some((reference) => reference.type === 'replied_to' && reference.id === ref.id);
    if (answers && comparableText(post.data.text) === words) return sentPost(post.data.id, Date.parse(post.data.created_at), ref, brand);
  }
  return null;
}

async function findDm({ http, brand }: XReplyContext, ref: XRef, words: string, signal: AbortSignal): Promise<SentReply | null> {
  const response = await http.call({
    path: `/2/dm_conversations/${encodeURIComponent(ref.conversationId)}/dm_events`,
    query: { ...DM_FIELDS, max_results: String(FIND_PAGE) },
    what: 'reading the conversation',
    cost: listCost('dmEvents'),
    signal,
  });
  for (const raw of xListSchema.safeParse(response.body).data?.data ?? []) {
    const event = xDmEventSchema.safeParse(raw);
    if (!event.success || event.data.event_type !== 'MessageCreate') continue;
    if (event.data.sender_id !== brand.userId) return null;
    if (comparableText(event.data.text ?? '') === words) {
      const createdAt = Date.parse(event.data.created_at ?? '');
      return { externalId: event.data.id, createdAt: Number.isFinite(createdAt) ? createdAt : 0, permalink: null, ref: { id: event.data.id, authorId: brand.userId, conversationId: ref.conversationId, isSummoned: false, dm: true } satisfies XRef };
    }
  }
  return null;
}

function sentPost(id: string, createdAt: number, answeredRef: XRef, brand: XBrand): SentReply {
  return { externalId: id, createdAt, permalink: `https://x.com/${encodeURIComponent(brand.username)}/status/${id}`, ref: { id, authorId: brand.userId, conversationId: answeredRef.conversationId, isSummoned: false } satisfies XRef };
}

