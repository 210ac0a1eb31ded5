import { ConnectorError, type PlatformRef, type SyncPage, type SyncRequest } from '../connector';
import type { CommentsStream, StreamRead } from './commentsStream';
import type { FacebookRecheck } from './facebookRecheck';
import { FOLLOWED_CHECKED_AT, parentsToFollow } from '../meta/followedParents';
import { readRef } from './facebookRef';
import { readMark, readPass, type HighWaterMark, type StreamPass } from './highWaterMark';
import type { MessagesStream } from './messagesStream';

/** The marks each stream leaves once a pass over it is done (see highWaterMark.ts). */
export const COMMENTS_MARK = 'comments';
export const DMS_MARK = 'dms';
/** A pass under way over each stream: the posts or conversations left to read. */
export const COMMENTS_PASS = 'commentsPass';
export const DMS_PASS = 'dmsPass';
/**
 * Posts read per sync call, at once: a page of a few hundred comments keeps ingest's batches
 * large, and four requests in flight stay far inside a Page's call limits.
 */
const POSTS_PER_PAGE = 4;
/**
 * Conversations read per sync call, one after the other: Messenger's Conversations API allows a
 * Page 2 calls a second, so these are not sent at once.
 */
const CONVERSATIONS_PER_PAGE = 10;

type Streams = { comments: CommentsStream; messages: MessagesStream; recheck: FacebookRecheck };

/**
 * One page of a Facebook sync. A pass starts by listing what changed since each stream's mark
 * (posts with new activity, conversations updated), keeping only their ids in the cursors; each
 * following call reads a few posts' comments or a few conversations and drops them from the list.
 * A call that fails moves nothing: the same posts are read again and ingest skips what it has. The
 * marks move only when their pass is done, so a pass cut short never skips what it had not read.
 */
export async function syncFacebook(streams: Streams, request: SyncRequest, now: number): Promise<SyncPage> {
  const { signal, cursors } = request;
  const commentsMark = readMark(cursors[COMMENTS_MARK]) ?? { t: request.backfillSince, ids: [] };
  const dmsMark = readMark(cursors[DMS_MARK]) ?? { t: request.backfillSince, ids: [] };
  let comments = readPass(cursors[COMMENTS_PASS]);
  let dms = readPass(cursors[DMS_PASS]);
  const page: SyncPage = { items: [], updates: [], rejected: [], cursors: {}, hasMore: false, progress: null };
  if (comments === null && dms === null) {
    const posts = await streams.comments.activePosts(commentsMark, request.backfillSince, signal);
    const older = await followedOrNone(streams.comments, parentsToFollow(request, posts.postIds, now, FOLLOW_MAX, postOf), commentsMark, signal, now, page);
    const conversations = await conversationsOrNotice(streams.messages, dmsMark, signal, page);
    // With nothing listed, the mark still follows the window: an empty Page is not read from its old start again.
    comments = newPass(commentsMark, Math.max(posts.newest, older.newest, request.backfillSince), [...posts.postIds, ...older.postIds]);
    dms = newPass(dmsMark, Math.max(conversations.newest, request.backfillSince), conversations.conversationIds);
    page.rejected.push(...posts.rejected, ...conversations.rejected);
    page.updates.push(...(await streams.recheck.updates(request.recheck, signal)));
  }
  if (comments !== null && comments.queue.length > 0) {
    const next = comments.next;
    const reads = await Promise.all(comments.queue.slice(0, POSTS_PER_PAGE).map((postId) => streams.comments.read(postId, commentsMark, next, signal)));
    for (const read of reads) add(page, read);
    comments = { ...comments, queue: comments.queue.slice(POSTS_PER_PAGE) };
  } else if (dms !== null && dms.queue.length > 0) {
    for (const conversationId of dms.queue.slice(0, CONVERSATIONS_PER_PAGE)) add(page, await streams.messages.read(conversationId, dmsMark, dms.next, signal));
    dms = { ...dms, queue: dms.queue.slice(CONVERSATIONS_PER_PAGE) };
  }
  Object.assign(page.cursors, settle(COMMENTS_PASS, COMMENTS_MARK, comments), settle(DMS_PASS, DMS_MARK, dms));
  const left = (comments?.queue.length ?? 0) + (dms?.queue.length ?? 0);
  const total = (comments?.total ?? 0) + (dms?.total ?? 0);
  page.hasMore = left > 0;
  page.progress = total === 0 ? null : (total - left) / total;
  return page;
}

/** A pass from `mark`: it will leave the newest activity time listed, with the ids taken at that second. */
function newPass(mark: HighWaterMark, newest: number, queue: string[]): StreamPass {
  return { next: newest <= mark.t ? { t: mark.t, ids: [...mark.ids] } : { t: newest, ids: [] }, queue, total: queue.length };
}

/** A pass still under way keeps its place; a finished one gives its stream the new mark and is cleared. */
function settle(passName: string, markName: string, pass: StreamPass | null): Record<string, string | null> {
  if (pass === null) return {};
  if (pass.queue.length > 0) return { [passName]: JSON.stringify(pass) };
  return { [passName]: null, [markName]: JSON.stringify(pass.next) };
}

/**
 * The conversations changed since the mark; when Meta refuses them for this token (the person
 * has no messaging task on the Page, or the app lacks `pages_messaging`), the comments still
 * sync and the account says DMs are left out.
 */
async function conversationsOrNotice(messages: MessagesStream, mark: HighWaterMark, signal: AbortSignal, page: SyncPage) {
  try {
    return await messages.activeConversations(mark, signal);
  } catch (error) {
    if (!(error instanceof ConnectorError) || error.kind !== 'permanent') throw error;
    page.notice = { code: 'dms_not_allowed', message: error.message };
    return { conversationIds: [], newest: mark.t, rejected: [] };
  }
}

/** Older posts followed: one `GET /?ids=` request, which Graph takes for 50 objects at most. */
const FOLLOW_MAX = 50;
const postOf = (ref: PlatformRef) => {
  const read = readRef(ref);
  return read?.kind === 'comment' ? { id: read.post, at: read.at } : null;
};

/** Older posts still followed (meta/followedParents.ts), when their check is due; the check's time is kept with the cursors. */
async function followedOrNone(comments: CommentsStream, postIds: string[], mark: HighWaterMark, signal: AbortSignal, now: number, page: SyncPage) {
  if (postIds.length === 0) return { postIds: [], newest: mark.t };
  const active = await comments.followedActive(postIds, mark, signal);
  page.cursors[FOLLOWED_CHECKED_AT] = String(now);
  return active;
}

function add(page: SyncPage, read: StreamRead): void {
  page.items.push(...read.items);
  page.updates.push(...read.updates);
  page.rejected.push(...read.rejected);
}
