import { ConnectorError, type SyncPage, type SyncRequest } from '../connector';
import { addComment, normaliseComment, normaliseThread, type NormalisedThread } from './normaliseComment';
import { listResponseSchema } from './youtubeEntities';
import type { YoutubeHttp } from './youtubeHttp';
import { QUOTA_COST, type YoutubeQuota } from './youtubeQuota';

/**
 * The two streams of a channel's comments: what is published and what YouTube holds for the
 * channel's review (only the owner sees those). Each keeps a high-water mark, `<stream>` (epoch
 * ms of the newest activity fully taken in), and while a walk is under way its page token
 * (`<stream>.page`) and the newest activity it has seen (`<stream>.top`): YouTube has no "since"
 * parameter, so each pass reads newest first and stops at the mark. The mark moves only when a
 * walk is over; a crash mid-walk replays it from its last page.
 */
export const STREAMS = ['threads', 'held'] as const;
export type Stream = (typeof STREAMS)[number];
/** `held` once the published stream's walk is over in this pass: the held one comes next. */
export const NEXT_STREAM_CURSOR = 'next';

const PAGE_SIZE = '100';
/** A thread with more replies than this many pages of them is read in part: the rest come as they change. */
const MAX_REPLY_PAGES = 10;

export type SyncDeps = { http: YoutubeHttp; quota: YoutubeQuota; channelId: string; now: () => number; sees: { held: boolean } };

type Walk = { stream: Stream; floor: number; mark: number | null; page: string | undefined; top: number };

export async function syncYoutube(deps: SyncDeps, request: SyncRequest): Promise<SyncPage> {
  const walk = walkOf(request, deps);
  // Google said the quota is gone: the account waits for midnight Pacific, shown as rate limited.
  const exhaustedMs = deps.quota.exhaustedForMs();
  if (exhaustedMs !== null) throw new ConnectorError('The daily YouTube quota is used up until midnight Pacific time.', 'rate_limited', exhaustedMs);
  // A new pass (no walk under way) is where polling is slowed or skipped to keep the replies' reserve.
  if (walk.page === undefined && walk.stream === 'threads' && !deps.quota.mayPoll(QUOTA_COST.list * 2)) return emptyPage();
  let response: unknown;
  try {
    response = await deps.http.call({ path: '/youtube/v3/commentThreads', query: threadsQuery(deps.channelId, walk), cost: QUOTA_COST.list, signal: request.signal });
  } catch (error) {
    return walkFailed(error, walk, deps);
  }
  const list = listResponseSchema.safeParse(response);
  if (!list.success) throw new ConnectorError('YouTube answered commentThreads.list with something that is not a list.', 'transient');
  const { page, isStopped, oldest, top } = await takeThreads(deps, walk, list.data.items, request.signal);
  const next = list.data.nextPageToken;
  const isDone = isStopped || next === undefined;
  Object.assign(page.cursors, isDone ? finished(walk, top) : { [`${walk.stream}.page`]: next, [`${walk.stream}.top`]: String(top) });
  page.hasMore = !isDone || (walk.stream === 'threads' && deps.sees.held);
  if (isDone && walk.stream === 'threads' && deps.sees.held) page.cursors[NEXT_STREAM_CURSOR] = 'held';
  if (isDone && walk.stream === 'held') page.cursors[NEXT_STREAM_CURSOR] = null;
  page.progress = walk.mark === null ? progressOf(isDone, oldest, request.backfillSince, deps.now()) : null;
  return page;
}

/** The threads of one page down to the mark, with every reply; where the walk stopped and the newest and oldest activity it saw. */
async function takeThreads(deps: SyncDeps, walk: Walk, payloads: unknown[], signal: AbortSignal) {
  const page: SyncPage = { ...emptyPage(), cursors: {} };
  let isStopped = false;
  let oldest: number | null = null;
  let top = walk.top;
  for (const payload of payloads) {
    const thread = normaliseThread(payload, deps.channelId);
    // The first thread at or below the mark ends the walk: everything after it is older still.
    if (thread.activityAt !== null && thread.activityAt <= walk.floor) {
      isStopped = true;
      break;
    }
    if (thread.hasMoreReplies && thread.context) await readAllReplies(deps, thread, signal);
    page.rejected.push(...thread.rejected);
    // A known thread comes back whole when a reply is added: only what moved past the mark is new.
    page.items.push(...(walk.mark === null ? thread.items : thread.items.filter((item) => (item.editedAt ?? item.createdAt) > walk.floor)));
    page.updates.push(...thread.updates);
    if (thread.activityAt !== null) {
      top = Math.max(top, thread.activityAt);
      oldest = Math.min(oldest ?? thread.activityAt, thread.activityAt);
    }
  }
  return { page, isStopped, oldest, top };
}

function walkOf(request: SyncRequest, deps: SyncDeps): Walk {
  const { cursors } = request;
  const stream: Stream = cursors['threads.page'] === undefined && cursors[NEXT_STREAM_CURSOR] === 'held' && deps.sees.held ? 'held' : 'threads';
  const markText = cursors[stream];
  const mark = markText === undefined ? null : Number(markText);
  const floor = mark !== null && Number.isFinite(mark) ? mark : request.backfillSince;
  return { stream, floor, mark: mark !== null && Number.isFinite(mark) ? mark : null, page: cursors[`${stream}.page`], top: Number(cursors[`${stream}.top`] ?? floor) || floor };
}

function threadsQuery(channelId: string, walk: Walk): Record<string, string | undefined> {
  return {
    part: 'snippet,replies',
    allThreadsRelatedToChannelId: channelId,
    order: 'time',
    maxResults: PAGE_SIZE,
    textFormat: 'plainText',
    moderationStatus: walk.stream === 'held' ? 'heldForReview' : undefined,
    pageToken: walk.page,
  };
}

/** A walk that is over: its mark moves to the newest activity it saw, and its page position goes. */
const finished = (walk: Walk, top: number): Record<string, string | null> => ({
  [walk.stream]: String(Math.max(walk.mark ?? walk.floor, top)),
  [`${walk.stream}.page`]: null,
  [`${walk.stream}.top`]: null,
});

/**
 * A page token YouTube no longer takes restarts the walk from the newest (what was read is read
 * again, and ingest counts it as duplicates); a channel whose held comments the sign-in cannot
 * list goes on with the published ones only. Anything else is the pass's failure.
 */
function walkFailed(error: unknown, walk: Walk, deps: SyncDeps): SyncPage {
  if (!(error instanceof ConnectorError)) throw error;
  if (walk.page !== undefined && error.kind === 'permanent' && error.message.includes('invalidPageToken')) {
    return { ...emptyPage(), cursors: { [`${walk.stream}.page`]: null, [`${walk.stream}.top`]: null }, hasMore: true };
  }
  if (walk.stream === 'held' && error.kind === 'permanent') {
    deps.sees.held = false;
    return { ...emptyPage(), cursors: { [NEXT_STREAM_CURSOR]: null } };
  }
  throw error;
}

/** Every reply of a thread whose replies YouTube did not all embed (`comments.list?parentId=`), in place of the embedded ones. */
async function readAllReplies(deps: SyncDeps, thread: NormalisedThread, signal: AbortSignal): Promise<void> {
  const context = thread.context!;
  const replies: NormalisedThread = { items: [], updates: [], rejected: [], context, activityAt: thread.activityAt, hasMoreReplies: false };
  let pageToken: string | undefined;
  for (let pages = 0; pages < MAX_REPLY_PAGES; pages++) {
    const query = { part: 'snippet', parentId: context.threadId, maxResults: PAGE_SIZE, textFormat: 'plainText', pageToken };
    const list = listResponseSchema.safeParse(await deps.http.call({ path: '/youtube/v3/comments', query, cost: QUOTA_COST.list, signal }));
    if (!list.success) throw new ConnectorError('YouTube answered comments.list with something that is not a list.', 'transient');
    for (const comment of list.data.items) addComment(replies, normaliseComment(comment, context, deps.channelId), comment);
    pageToken = list.data.nextPageToken;
    if (pageToken === undefined) break;
  }
  const [topLevel] = thread.items.filter((item) => item.externalId === context.threadId);
  const known = new Set(replies.items.map((item) => item.externalId));
  // The embedded replies stay when comments.list left them out (a reply posted meanwhile).
  thread.items = [...(topLevel ? [topLevel] : []), ...thread.items.filter((item) => item !== topLevel && !known.has(item.externalId)), ...replies.items];
  thread.updates.push(...replies.updates.filter((update) => !thread.updates.some((each) => each.externalId === update.externalId)));
  thread.rejected.push(...replies.rejected);
  thread.activityAt = replies.activityAt;
}

function progressOf(isDone: boolean, oldest: number | null, since: number, now: number): number | null {
  if (isDone) return 1;
  const span = now - since;
  return oldest === null || span <= 0 ? null : Math.min(1, Math.max(0, (now - oldest) / span));
}

export const emptyPage = (): SyncPage => ({ items: [], updates: [], rejected: [], cursors: {}, hasMore: false, progress: null });
