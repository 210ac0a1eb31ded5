import { z } from 'zod';
import { ConnectorError, type SyncPage, type SyncRequest } from '../connector';
import { normaliseInboxItem, type RedditBrand } from './normaliseInboxItem';
import { listingSchema, PAGE_SIZE } from './redditEntities';
import type { RedditHttp } from './redditHttp';
import { queuedComments } from './redditModQueue';
import { recheckUpdates } from './redditRecheck';
import { parseJsonAs } from '../parseJsonAs';

/** The newest inbox item taken in (`{name, at}`): later passes take what is newer. */
export const INBOX_CURSOR = 'inbox';
/** A walk down the inbox in progress (the first backfill, or a gap longer than a page): where it goes on and where it stops. */
export const WALK_CURSOR = 'inbox_walk';

const markSchema = z.object({ name: z.string(), at: z.number() });
type Mark = z.infer<typeof markSchema>;
/**
 * `after`: the fullname the next page starts after (null: from the top again); `afterAt` its time;
 * `skipAbove`: items newer than this were taken already (a walk that lost its anchor starts over).
 */
const walkSchema = z.object({
  after: z.string().nullable(),
  afterAt: z.number().nullable(),
  skipAbove: z.number().nullable(),
  stop: markSchema.nullable(),
  since: z.number().nullable(),
  top: markSchema.nullable(),
});
type Walk = z.infer<typeof walkSchema>;

/**
 * One page of the inbox (comment replies, post replies, username mentions and private messages).
 * Reddit lists it newest first and pages older with `after`; each pass reads from the top down to
 * the newest item already taken (its fullname, or anything created before it should that item be
 * gone), and a walk longer than a page goes on from its `after` on the next call. The high-water
 * mark moves only when a walk is finished, so a crash or a failed page replays, never skips.
 * `before` is not used: the reference does not say what it answers once its anchor is deleted.
 */
export async function syncInbox(http: RedditHttp, brand: RedditBrand, request: SyncRequest, now: number, moderates: boolean): Promise<SyncPage> {
  const mark = parseJsonAs(request.cursors[INBOX_CURSOR], markSchema);
  const walk = parseJsonAs(request.cursors[WALK_CURSOR], walkSchema);
  const stop = walk ? walk.stop : mark;
  const since = walk ? walk.since : mark === null ? request.backfillSince : null;
  const listing = await fetchInbox(http, walk?.after ?? null, request.signal);
  // Its anchor deleted meanwhile, Reddit answers `after` with nothing: start over from the top, skipping what was taken.
  if (walk?.after && listing.children.length === 0) return restart(walk);
  const oldIndex = listing.children.findIndex((child) => isOld(markOf(child), stop, since));
  const reached = oldIndex === -1 ? listing.children : listing.children.slice(0, oldIndex);
  const skipAbove = walk?.skipAbove ?? null;
  const taken = skipAbove === null ? reached : reached.filter((child) => (markOf(child)?.at ?? 0) <= skipAbove);
  const isDone = oldIndex !== -1 || listing.after === null || listing.children.length < PAGE_SIZE;
  const top = walk ? walk.top : (listing.children.map(markOf).find((each) => each !== null) ?? mark);
  const last = markOf(listing.children.at(-1));

  const items: unknown[] = [];
  const rejected: SyncPage['rejected'] = [];
  for (const payload of taken) {
    const normalised = normaliseInboxItem(payload, brand);
    if (normalised.outcome === 'item') items.push(normalised.item);
    else rejected.push({ payload, reason: normalised.reason });
  }
  const cursors: Record<string, string | null> = isDone
    ? { [WALK_CURSOR]: null, ...(top ? { [INBOX_CURSOR]: JSON.stringify(top) } : {}) }
    : { [WALK_CURSOR]: JSON.stringify({ after: listing.after, afterAt: last?.at ?? null, skipAbove, stop, since, top } satisfies Walk) };
  // Once the inbox is caught up: the stored comments reread, and the moderation queue where there is one.
  const recheck = isDone ? await recheckUpdates(http, request, now) : { updates: [], cursors: {} };
  const queue = isDone && moderates ? await queuedComments(http, brand, request.signal) : { items: [], rejected: [] };
  return {
    items: [...items, ...queue.items],
    updates: recheck.updates,
    rejected: [...rejected, ...queue.rejected],
    cursors: { ...cursors, ...recheck.cursors },
    hasMore: !isDone,
    progress: progressOf(taken, since, isDone, now),
  };
}

function restart(walk: Walk): SyncPage {
  const cursor: Walk = { ...walk, after: null, afterAt: null, skipAbove: walk.afterAt };
  return { items: [], updates: [], rejected: [], cursors: { [WALK_CURSOR]: JSON.stringify(cursor) }, hasMore: true, progress: null };
}

async function fetchInbox(http: RedditHttp, after: string | null, signal: AbortSignal): Promise<{ children: unknown[]; after: string | null }> {
  // mark=false: reading the inbox must not clear the person's unread messages on Reddit.
  const response = await http.call({ path: '/message/inbox', query: { limit: String(PAGE_SIZE), mark: 'false', ...(after ? { after } : {}) }, signal, purpose: 'sync' });
  const listing = listingSchema.safeParse(response.body);
  if (!listing.success) throw new ConnectorError('Reddit answered /message/inbox with something that is not a listing.', 'transient');
  return listing.data.data;
}

/** At or below the high-water mark, or older than the backfill reaches. */
function isOld(item: Mark | null, stop: Mark | null, since: number | null): boolean {
  if (item === null) return false;
  if (stop !== null && (item.name === stop.name || item.at < stop.at)) return true;
  return since !== null && item.at < since;
}

/** An item's fullname and time, or null when it has none to go by (it is then taken, and the normaliser says why it is wrong). */
function markOf(payload: unknown): Mark | null {
  const data = (payload as { data?: { name?: unknown; created_utc?: unknown } } | null)?.data;
  if (typeof data?.name !== 'string' || typeof data.created_utc !== 'number' || !Number.isFinite(data.created_utc)) return null;
  return { name: data.name, at: Math.round(data.created_utc * 1000) };
}

/** How far the first backfill is: how far back its oldest item goes, over how far it must go. */
function progressOf(taken: unknown[], since: number | null, isDone: boolean, now: number): number | null {
  if (since === null) return null;
  if (isDone) return 1;
  const oldest = markOf(taken.at(-1));
  const span = now - since;
  return oldest === null || span <= 0 ? null : Math.min(1, Math.max(0, (now - oldest.at) / span));
}
