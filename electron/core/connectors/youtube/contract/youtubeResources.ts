/**
 * YouTube Data API v3 resources as the reference's "Resource representation" sections write them
 * (https://developers.google.com/youtube/v3/docs/comments#resource, .../commentThreads#resource,
 * .../channels#resource; pages last updated 2024-04-26), built from a contract server's state.
 */

/** The example channel of Google's reference pages (GoogleDevelopers). */
export const BRAND_CHANNEL = { id: 'UC_x5XG1OV2P6uZZ5FSM9Ttw', title: 'Brûlerie du Plateau', customUrl: '@bruleriduplateau' } as const;

export type StoredComment = {
  id: string;
  /** The thread's id (its top-level comment's); the same as `id` for a top-level comment. */
  threadId: string;
  videoId: string;
  authorChannelId: string;
  authorDisplayName: string;
  text: string;
  publishedAt: number;
  updatedAt: number;
  moderationStatus: 'published' | 'heldForReview' | 'likelySpam' | 'rejected';
};

export type StoredThread = { top: StoredComment; replies: StoredComment[]; canReply: boolean };

const etag = (id: string, at: number) => `"${Buffer.from(`${id}:${at}`).toString('base64url').slice(0, 27)}"`;
const iso = (at: number) => new Date(at).toISOString().replace('.000Z', 'Z');

export function commentResource(comment: StoredComment, channelId: string, textFormat: string | null) {
  const isReply = comment.id !== comment.threadId;
  return {
    kind: 'youtube#comment',
    etag: etag(comment.id, comment.updatedAt),
    id: comment.id,
    snippet: {
      channelId,
      videoId: comment.videoId,
      textDisplay: textFormat === 'plainText' ? comment.text : comment.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>'),
      textOriginal: comment.text,
      ...(isReply ? { parentId: comment.threadId } : {}),
      authorDisplayName: comment.authorDisplayName,
      authorProfileImageUrl: `https://yt3.ggpht.com/ytc/${comment.authorChannelId}=s48-c-k-c0x00ffffff-no-rj`,
      authorChannelUrl: `http://www.youtube.com/${comment.authorDisplayName}`,
      authorChannelId: { value: comment.authorChannelId },
      canRate: true,
      viewerRating: 'none',
      likeCount: comment.text.length % 7,
      // Only the channel's owner sees the status of comments that are not published.
      moderationStatus: comment.moderationStatus,
      publishedAt: iso(comment.publishedAt),
      updatedAt: iso(comment.updatedAt),
    },
  };
}

/** A commentThread with up to five replies embedded, as the reference warns ("does not necessarily contain all replies"). */
export function threadResource(thread: StoredThread, channelId: string, textFormat: string | null, visibleReplies: StoredComment[]) {
  const embedded = visibleReplies.slice(-5);
  return {
    kind: 'youtube#commentThread',
    etag: etag(thread.top.id, thread.top.updatedAt),
    id: thread.top.id,
    snippet: {
      channelId,
      videoId: thread.top.videoId,
      topLevelComment: commentResource(thread.top, channelId, textFormat),
      canReply: thread.canReply,
      totalReplyCount: visibleReplies.length,
      isPublic: true,
    },
    ...(embedded.length > 0 ? { replies: { comments: embedded.map((reply) => commentResource(reply, channelId, textFormat)) } } : {}),
  };
}

export function listResource(kind: string, items: unknown[], totalResults: number, nextPageToken: string | undefined) {
  return { kind, etag: etag(kind, items.length), ...(nextPageToken ? { nextPageToken } : {}), pageInfo: { totalResults, resultsPerPage: items.length }, items };
}

export const channelListResource = () =>
  listResource('youtube#channelListResponse', [{ kind: 'youtube#channel', etag: etag(BRAND_CHANNEL.id, 0), id: BRAND_CHANNEL.id, snippet: { title: BRAND_CHANNEL.title, description: 'Café torréfié sur place.', customUrl: BRAND_CHANNEL.customUrl, publishedAt: '2014-03-02T18:00:00Z' } }], 1, undefined);

/**
 * Google's error body (https://developers.google.com/youtube/v3/docs/errors): the HTTP status,
 * a message and one entry in `errors[]` whose `reason` names it.
 */
export function googleError(code: number, reason: string, message: string, domain = 'youtube.api') {
  return { status: code, body: { error: { code, message, errors: [{ message, domain, reason }] } } };
}

export const QUOTA_EXCEEDED = googleError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.', 'youtube.quota');
export const RATE_LIMITED = googleError(403, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your quota.', 'youtube.quota');
export const BACKEND_ERROR = googleError(503, 'backendError', 'Backend Error', 'global');
/** What Google answers for an access token it no longer takes (`www-authenticate` as it sends it). */
export const AUTH_ERROR = {
  ...googleError(401, 'authError', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'global'),
  headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
};
