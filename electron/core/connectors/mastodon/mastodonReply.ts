import { ConnectorError, type ReplyRequest, type SentReply } from '../connector';
import type { BrandLookup } from './mastodonBrand';
import { statusSchema, type MastodonStatus } from './mastodonEntities';
import type { MastodonHttp } from './mastodonHttp';
import { readRef, type MastodonRef } from './mastodonRef';
import { htmlToText } from './htmlToText';
import { normaliseStatus, statusExternalId } from './normaliseNotification';
import { replyText } from './replyText';

const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'];
/** Mastodon's largest page of an account's statuses. */
const OWN_STATUSES_PAGE = 40;

type Answered = { ref: MastodonRef; status: string; visibility: string };

/** What is answered and how: the message's own ref (a DM answers its thread when none is given). */
async function prepare(brands: BrandLookup, request: ReplyRequest, signal: AbortSignal): Promise<Answered> {
  const ref = readRef(request.inReplyToRef) ?? readRef(request.threadRef);
  if (ref === null) throw new ConnectorError('This message has no Mastodon reference to answer (it was stored before Pieuvre kept one).', 'permanent');
  const brand = await brands.get(signal);
  // Never wider than the message answered: an unknown visibility is answered as a direct one.
  const visibility = VISIBILITIES.includes(ref.visibility) ? ref.visibility : 'direct';
  return { ref, status: replyText(request.text, [ref.author, ...ref.mentions], brand.handle, brand.host), visibility };
}

/**
 * Posts the reply in the thread (`in_reply_to_id`), as visible as the message answered, with
 * everyone's mentions, under the outbox's key (`Idempotency-Key`, which only Mastodon honours).
 */
export async function postReply(http: MastodonHttp, brands: BrandLookup, request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
  const answered = await prepare(brands, request, signal);
  const response = await http.call({
    method: 'POST',
    path: '/api/v1/statuses',
    body: { status: answered.status, in_reply_to_id: answered.ref.id, visibility: answered.visibility },
    headers: { 'idempotency-key': request.idempotencyKey },
    signal,
  });
  const status = statusSchema.safeParse(response.body);
  if (!status.success) throw new ConnectorError(`${http.origin} posted the reply but answered with something that is not a status.`, 'transient');
  return sentReply(status.data, brands, request, signal);
}

/**
 * The reply already posted for this request, read from the brand's latest statuses: one that
 * answers the same status with the same words (mentions aside: servers rewrite them). Not found
 * among the latest 40 means not posted: a brand posting more than 40 statuses between an unclear
 * attempt and its retry is not a case worth a deeper search.
 */
export async function findReply(http: MastodonHttp, brands: BrandLookup, request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
  const answered = await prepare(brands, request, signal);
  const brand = await brands.get(signal);
  const response = await http.call({
    path: `/api/v1/accounts/${encodeURIComponent(brand.localId)}/statuses`,
    query: { limit: String(OWN_STATUSES_PAGE), exclude_reblogs: 'true' },
    signal,
  });
  if (!Array.isArray(response.body)) throw new ConnectorError(`${http.origin} answered the brand's statuses with something that is not a list.`, 'transient');
  const words = withoutMentions(answered.status);
  for (const raw of response.body) {
    const status = statusSchema.safeParse(raw);
    if (!status.success) continue;
    if (status.data.in_reply_to_id === answered.ref.id && withoutMentions(htmlToText(status.data.content)) === words) return sentReply(status.data, brands, request, signal);
  }
  return null;
}

async function sentReply(status: MastodonStatus, brands: BrandLookup, request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
  const brand = await brands.get(signal);
  // Filed in the conversation it answers, so that an answer to it joins that conversation too.
  const normalised = normaliseStatus(status, brand, () => request.threadExternalId);
  return {
    externalId: statusExternalId(status),
    createdAt: normalised.outcome === 'item' ? normalised.item.createdAt : brands.now(),
    permalink: normalised.outcome === 'item' ? (normalised.item.permalink ?? null) : null,
    ref: normalised.outcome === 'item' ? { ...normalised.ref, thread: request.threadExternalId } : null,
  };
}

const withoutMentions = (text: string): string => text.replace(/(^|\s)@[\w.-]+(@[\w.:-]+)?/g, ' ').replace(/\s+/g, ' ').trim();
