import { ConnectorError, type ReplyRequest, type SentReply } from '../connector';
import { commentSchema, listResponseSchema } from './youtubeEntities';
import type { YoutubeHttp } from './youtubeHttp';
import { normaliseComment } from './normaliseComment';
import { QUOTA_COST, type YoutubeQuota } from './youtubeQuota';
import { readYoutubeRef } from './youtubeRef';

/** How many pages of a thread's replies findSent reads back, newest first, before saying "not posted". */
const FIND_PAGES = 3;

/** The thread a reply goes to: YouTube threads are flat, so a reply to a reply answers its thread's top-level comment. */
function parentOf(request: ReplyRequest): string {
  if (request.kind === 'dm') throw new ConnectorError('YouTube has no direct messages.', 'permanent');
  return readYoutubeRef(request.inReplyToRef)?.thread ?? readYoutubeRef(request.threadRef)?.thread ?? request.threadExternalId;
}

/** comments.insert with `snippet.parentId` (50 units): YouTube has no idempotency key, so the outbox asks findSent before a second try. */
export async function postReply(http: YoutubeHttp, quota: YoutubeQuota, channelId: string, request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
  const parentId = parentOf(request);
  quota.ensureWrite();
  const body = await http.call({ method: 'POST', path: '/youtube/v3/comments', query: { part: 'snippet' }, body: { snippet: { parentId, textOriginal: request.text } }, cost: QUOTA_COST.write, signal });
  const sent = sentReply(body, request, channelId);
  if (!sent) throw new ConnectorError('YouTube posted the reply but answered with something that is not a comment.', 'transient');
  return sent;
}

/**
 * The reply already posted for this request: among the thread's replies (newest pages first), one
 * by the brand's channel with the same words. A brand that posts the very same words twice in one
 * thread would see the second taken for the first: that is the price of a platform without keys.
 */
export async function findReply(http: YoutubeHttp, channelId: string, request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
  const parentId = parentOf(request);
  const words = sameWords(request.text);
  let pageToken: string | undefined;
  for (let page = 0; page < FIND_PAGES; page++) {
    const query = { part: 'snippet', parentId, maxResults: '100', textFormat: 'plainText', pageToken };
    const list = listResponseSchema.safeParse(await http.call({ path: '/youtube/v3/comments', query, cost: QUOTA_COST.list, signal }));
    if (!list.success) throw new ConnectorError('YouTube answered comments.list with something that is not a list.', 'transient');
    for (const raw of list.data.items) {
      const comment = commentSchema.safeParse(raw);
      if (!comment.success || comment.data.snippet.authorChannelId?.value !== channelId) continue;
      if (sameWords(comment.data.snippet.textOriginal ?? comment.data.snippet.textDisplay ?? '') === words) return sentReply(raw, request, channelId);
    }
    pageToken = list.data.nextPageToken;
    if (pageToken === undefined) break;
  }
  return null;
}

function sentReply(raw: unknown, request: ReplyRequest, channelId: string): SentReply | null {
  const videoId = readYoutubeRef(request.inReplyToRef)?.videoId ?? readYoutubeRef(request.threadRef)?.videoId ?? null;
  const normalised = normaliseComment(raw, { threadId: parentOf(request), videoId, channelId }, channelId);
  if (normalised.outcome !== 'item') return null;
  return { externalId: normalised.item.externalId, createdAt: normalised.item.createdAt, permalink: normalised.item.permalink ?? null, ref: normalised.ref };
}

const sameWords = (text: string): string => text.replace(/\s+/g, ' ').trim();
