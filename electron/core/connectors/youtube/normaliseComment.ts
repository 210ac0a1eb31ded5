import type { IncomingItemInput, MessageUpdateInput } from '../../../../shared/domain/incomingItem';
import { describeIssues } from '../../../../shared/api/describeIssues';
import { commentSchema, commentThreadSchema } from './youtubeEntities';
import type { YoutubeRef } from './youtubeRef';

export type NormalisedComment = { outcome: 'item'; item: IncomingItemInput; ref: YoutubeRef; isHidden: boolean } | { outcome: 'rejected'; reason: string };

/** Held for review, likely spam or rejected: only the channel sees it, as Pieuvre's hidden. */
export const HIDDEN_STATUSES: ReadonlySet<string> = new Set(['heldForReview', 'likelySpam', 'rejected']);

/** Where a thread sits: its id (= its top-level comment's) and its video, or the channel itself for a comment on the channel. */
export type ThreadContext = { threadId: string; videoId: string | null; channelId: string };

/**
 * One comment as an inbox item: a top-level comment (`comment`) or a reply in its thread
 * (`reply`), filed under the thread and its video. A payload that cannot be read is rejected with
 * why, for the quarantine; the brand's own comments come in as `out`.
 */
export function normaliseComment(payload: unknown, thread: ThreadContext, brandChannelId: string): NormalisedComment {
  const parsed = commentSchema.safeParse(payload);
  if (!parsed.success) return { outcome: 'rejected', reason: `comment: ${describeIssues(parsed.error)}` };
  const comment = parsed.data;
  const { snippet } = comment;
  const createdAt = Date.parse(snippet.publishedAt);
  if (!Number.isFinite(createdAt) || createdAt < 0) return { outcome: 'rejected', reason: `comment: publishedAt is not a date (${snippet.publishedAt.slice(0, 40)})` };
  const updatedAt = snippet.updatedAt === undefined ? createdAt : Date.parse(snippet.updatedAt);
  const authorId = snippet.authorChannelId?.value;
  if (authorId === undefined) return { outcome: 'rejected', reason: 'comment: no authorChannelId (its author is gone)' };
  const text = snippet.textOriginal ?? snippet.textDisplay;
  if (text === undefined) return { outcome: 'rejected', reason: 'comment: neither textOriginal nor textDisplay' };
  const videoId = snippet.videoId ?? thread.videoId;
  const isReply = comment.id !== thread.threadId;
  const editedAt = Number.isFinite(updatedAt) && updatedAt > createdAt ? updatedAt : null;
  const isHidden = HIDDEN_STATUSES.has(snippet.moderationStatus ?? '');
  const ref: YoutubeRef = { id: comment.id, thread: thread.threadId, videoId, author: authorId, updatedAt: editedAt ?? createdAt, isHidden };
  const name = snippet.authorDisplayName ?? authorId;
  const item: IncomingItemInput = {
    platform: 'youtube',
    kind: isReply ? 'reply' : 'comment',
    direction: authorId === brandChannelId ? 'out' : 'in',
    externalId: comment.id,
    threadExternalId: thread.threadId,
    parentExternalId: isReply ? (snippet.parentId ?? thread.threadId) : null,
    author: { externalId: authorId, handle: name, name, avatarUrl: webAddress(snippet.authorProfileImageUrl) },
    text,
    createdAt,
    permalink: videoId === null ? null : `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(comment.id)}`,
    post: postOf(videoId, thread.channelId),
    ref,
    editedAt,
  };
  return { outcome: 'item', item, ref, isHidden };
}

/** The video a thread is about, or the channel for a comment left on the channel itself. */
function postOf(videoId: string | null, channelId: string): NonNullable<IncomingItemInput['post']> {
  if (videoId !== null) return { externalId: videoId, text: '', permalink: `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}` };
  return { externalId: `channel:${channelId}`, text: '', permalink: `https://www.youtube.com/channel/${encodeURIComponent(channelId)}` };
}

export type NormalisedThread = {
  items: IncomingItemInput[];
  /** Hidden state of comments held for review or rejected: set once the item is in. */
  updates: MessageUpdateInput[];
  rejected: { payload: unknown; reason: string }[];
  context: ThreadContext | null;
  /** The newest moment of the thread (its top-level comment's or a reply's, edits included); null when unreadable. */
  activityAt: number | null;
  /** Replies YouTube counts but did not embed: read with comments.list. */
  hasMoreReplies: boolean;
};

/** A commentThread resource: its top-level comment and the replies it embeds. */
export function normaliseThread(payload: unknown, brandChannelId: string): NormalisedThread {
  const result: NormalisedThread = { items: [], updates: [], rejected: [], context: null, activityAt: null, hasMoreReplies: false };
  const parsed = commentThreadSchema.safeParse(payload);
  if (!parsed.success) {
    result.rejected.push({ payload, reason: `commentThread: ${describeIssues(parsed.error)}` });
    return result;
  }
  const thread = parsed.data;
  const context: ThreadContext = { threadId: thread.id, videoId: thread.snippet.videoId ?? null, channelId: thread.snippet.channelId ?? brandChannelId };
  result.context = context;
  const replies = thread.replies?.comments ?? [];
  for (const comment of [thread.snippet.topLevelComment, ...replies]) addComment(result, normaliseComment(comment, context, brandChannelId), comment);
  result.hasMoreReplies = (thread.snippet.totalReplyCount ?? 0) > replies.length;
  return result;
}

/** Adds one normalised comment to a thread's result, moving its activity mark. */
export function addComment(result: NormalisedThread, normalised: NormalisedComment, payload: unknown): void {
  if (normalised.outcome === 'rejected') {
    result.rejected.push({ payload, reason: normalised.reason });
    return;
  }
  result.items.push(normalised.item);
  if (normalised.isHidden) result.updates.push({ change: 'hidden', platform: 'youtube', externalId: normalised.item.externalId, isHidden: true });
  result.activityAt = Math.max(result.activityAt ?? 0, normalised.ref.updatedAt);
}


function webAddress(value: string | undefined): string | null {
  return typeof value === 'string' && value.length <= 4096 && /^https?:\/\/[^\s/?#]+\S*$/i.test(value) ? value : null;
}
