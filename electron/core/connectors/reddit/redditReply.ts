import { ConnectorError, type ReplyRequest, type SentReply } from '../connector';
import { REDDIT_WEB, type RedditBrand } from './normaliseInboxItem';
import { apiError, type RedditApiError } from './redditApiErrors';
import { commentSchema, jsonEnvelopeSchema, listingSchema, sentMessageSchema } from './redditEntities';
import type { RedditHttp } from './redditHttp';
import { readRef } from './redditRef';

/** How far back findSent looks among the brand's latest comments or sent messages (Reddit's largest page). */
const OWN_PAGE = 100;

/** The fullname answered: the message's own (a comment, a message), else its thread's first message. */
function answered(request: ReplyRequest): string {
  const name = readRef(request.inReplyToRef)?.name ?? request.inReplyToExternalId ?? readRef(request.threadRef)?.name ?? request.threadExternalId;
  if (!/^t[134]_[0-9a-z]+$/u.test(name)) throw new ConnectorError('This message has no Reddit fullname to answer (it was stored before Pieuvre kept one).', 'permanent');
  return name;
}

/**
 * Answers a comment (a comment reply, `submit` scope) or a private message (a message reply,
 * `privatemessages`) with `POST /api/comment`. Reddit has no idempotency key: after an unclear
 * failure the outbox asks findSent first.
 */
export async function postReply(http: RedditHttp, brand: RedditBrand, request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
  const thingId = answered(request);
  const response = await http.call({ method: 'POST', path: '/api/comment', form: { api_type: 'json', thing_id: thingId, text: request.text }, signal, purpose: 'act' });
  const envelope = jsonEnvelopeSchema.safeParse(response.body);
  if (!envelope.success) throw new ConnectorError('Reddit answered the reply with something unexpected: it may or may not be posted.', 'transient');
  const { errors, data } = envelope.data.json;
  if (errors.length > 0) throw apiError(errors as RedditApiError[], 'post this reply');
  const posted = data?.things[0];
  // A reply in a quarantined community is taken but not returned (the reference's note): look for it before trying again.
  if (posted === undefined) throw new ConnectorError('Reddit took the reply without returning it: Pieuvre checks whether it is posted before trying again.', 'transient');
  const sent = sentReplyOf(posted, brand, request);
  if (sent === null) throw new ConnectorError('Reddit posted the reply but answered with something that is not a comment or a message.', 'transient');
  return sent;
}

/**
 * The reply this request already produced, recognised among the brand's latest comments
 * (`/user/{name}/comments`, `history` scope) or sent messages (`/message/sent`): one that answers
 * the same fullname with the same text. Not among the latest 100 means not posted.
 */
export async function findReply(http: RedditHttp, brand: RedditBrand, request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
  const thingId = answered(request);
  const isMessage = thingId.startsWith('t4_');
  const path = isMessage ? '/message/sent' : `/user/${encodeURIComponent(brand.name)}/comments`;
  const response = await http.call({ path, query: { limit: String(OWN_PAGE), ...(isMessage ? {} : { sort: 'new' }) }, signal, purpose: 'act' });
  const listing = listingSchema.safeParse(response.body);
  if (!listing.success) throw new ConnectorError(`Reddit answered ${path} with something that is not a listing.`, 'transient');
  const words = sameWords(request.text);
  for (const child of listing.data.data.children) {
    const data = (child as { data?: { parent_id?: unknown; body?: unknown } } | null)?.data;
    if (data?.parent_id !== thingId || typeof data.body !== 'string' || sameWords(data.body) !== words) continue;
    const sent = sentReplyOf(child, brand, request);
    if (sent !== null) return sent;
  }
  return null;
}

function sentReplyOf(thing: unknown, brand: RedditBrand, request: ReplyRequest): SentReply | null {
  const comment = commentSchema.safeParse(thing);
  if (comment.success) {
    const { data } = comment.data;
    return { externalId: data.name, createdAt: Math.round(data.created_utc * 1000), permalink: data.permalink ? `${REDDIT_WEB}${data.permalink}` : null, ref: refOf(data.name, brand, data.subreddit ?? null, request) };
  }
  const message = sentMessageSchema.safeParse(thing);
  if (!message.success) return null;
  const { data } = message.data;
  return { externalId: data.name, createdAt: Math.round(data.created_utc * 1000), permalink: `${REDDIT_WEB}/message/messages/${data.name.slice(3)}`, ref: refOf(data.name, brand, null, request) };
}

const refOf = (name: string, brand: RedditBrand, subreddit: string | null, request: ReplyRequest) => ({ name, author: brand.name, subreddit, thread: request.threadExternalId });

const sameWords = (text: string): string => text.replace(/\s+/gu, ' ').trim();
