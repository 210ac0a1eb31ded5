import { ConnectorError, type SyncPage, type SyncRequest } from '../connector';
import { authorsOfPosts, normaliseDm, normaliseMention, usersById, type XBrand, type XNormalised } from './normaliseX';
import { xListSchema, type XList } from './xEntities';
import type { XHttp } from './xHttp';
import { DM_FIELDS, listCost, MENTION_FIELDS } from './xQueries';
import { isNewerXId } from './xIds';
import { recheckDeletions } from './xRecheck';

/**
 * Each stream's cursors: `mentions`/`dms`, the newest id taken in (X's `since_id` for mentions;
 * DM events have none, so their pages are read until that id); during a walk through several
 * pages, `…Page` is X's `pagination_token` for the next one and `…Top` the newest id of the
 * walk, which becomes the stream's cursor only once the walk reaches its end.
 */
export const MENTIONS_CURSOR = 'mentions';
export const DMS_CURSOR = 'dms';
/** When DM events were last asked for (epoch ms): X allows 15 requests per 15 minutes per user. */
export const DMS_AT_CURSOR = 'dmsAt';
export const DM_INTERVAL_MS = 60_000;
/** X refuses a `start_time` before its first post id with a timestamp (GET /2/users/:id/mentions). */
export const X_EARLIEST_START = Date.parse('2010-11-06T00:00:01Z');

/** A pass's request, with the page size the budget allows. */
export type XSyncRequest = SyncRequest & { pageSize: number };

type Walked = { items: unknown[]; rejected: SyncPage['rejected']; cursors: Record<string, string | null>; isDone: boolean; oldest: number | null };

/**
 * One pass: a page of mentions (backfill or newer), once the mentions are in a daily look for
 * deletions, and at most once a minute a page of DMs; pages of `pageSize`, which the budget may
 * make smaller.
 */
export async function syncX(http: XHttp, brand: XBrand, now: () => number, request: XSyncRequest): Promise<SyncPage> {
  const mentions = await mentionsPage(http, brand, request);
  const recheck = mentions.isDone ? await recheckDeletions(http, now(), request) : { updates: [], cursors: {} };
  const page: SyncPage = { items: mentions.items, updates: recheck.updates, rejected: mentions.rejected, cursors: { ...mentions.cursors, ...recheck.cursors }, hasMore: !mentions.isDone, progress: progressOf(mentions, request, now()) };
  const lastDms = Number(request.cursors[DMS_AT_CURSOR] ?? NaN);
  if (Number.isFinite(lastDms) && now() - lastDms < DM_INTERVAL_MS) return page;
  try {
    const dms = await dmsPage(http, brand, request);
    return { ...page, items: [...page.items, ...dms.items], rejected: [...page.rejected, ...dms.rejected], cursors: { ...page.cursors, ...dms.cursors, [DMS_AT_CURSOR]: String(now()) } };
  } catch (error) {
    if (!(error instanceof ConnectorError) || error.kind === 'auth' || error.kind === 'offline') throw error;
    // DMs are read 15 times per 15 minutes and need the dm.read scope: their refusal does not stop the mentions.
    const retryAt = error.kind === 'rate_limited' && error.retryAfterMs !== null ? now() + error.retryAfterMs - DM_INTERVAL_MS : now();
    return { ...page, cursors: { ...page.cursors, [DMS_AT_CURSOR]: String(retryAt) }, notice: { code: 'dms_unavailable', message: error.message } };
  }
}

async function mentionsPage(http: XHttp, brand: XBrand, request: XSyncRequest): Promise<Walked> {
  const since = request.cursors[MENTIONS_CURSOR];
  const token = request.cursors[`${MENTIONS_CURSOR}Page`];
  const response = await http.call({
    path: `/2/users/${encodeURIComponent(brand.userId)}/mentions`,
    // The first backfill asks X for what is recent enough (`start_time`); later passes for what is newer (`since_id`).
    query: { ...MENTION_FIELDS, max_results: String(request.pageSize), since_id: since, start_time: since === undefined ? startTime(request.backfillSince) : undefined, pagination_token: token },
    what: 'reading the mentions',
    cost: listCost('posts'),
    signal: request.signal,
  });
  const list = parseList(response.body, 'mentions');
  const users = usersById(list.includes?.users);
  const quoted = authorsOfPosts([...(list.includes?.tweets ?? []), ...(list.includes?.posts ?? [])]);
  return walk(MENTIONS_CURSOR, request, list, (payload) => normaliseMention(payload, users, quoted, brand), () => false);
}

async function dmsPage(http: XHttp, brand: XBrand, request: XSyncRequest): Promise<Walked> {
  const known = request.cursors[DMS_CURSOR];
  const response = await http.call({
    path: '/2/dm_events',
    query: { ...DM_FIELDS, max_results: String(request.pageSize), pagination_token: request.cursors[`${DMS_CURSOR}Page`] },
    what: 'reading the direct messages',
    cost: listCost('dmEvents'),
    signal: request.signal,
  });
  const list = parseList(response.body, 'DM events');
  const users = usersById(list.includes?.users);
  // No `since_id` for DM events: newest first, down to the newest one already taken, or the backfill's start.
  const isKnown = (id: string | null, createdAt: number | null) => (known !== undefined ? id !== null && !isNewerXId(id, known) : createdAt !== null && createdAt < request.backfillSince);
  return walk(DMS_CURSOR, request, list, (payload) => normaliseDm(payload, users, brand), isKnown);
}

/**
 * One page of a stream's walk, newest first: what it brought (up to what is already known),
 * and the cursors: the walk goes on with X's `next_token`, or ends and names its newest id.
 */
function walk(stream: string, request: SyncRequest, list: XList, normalise: (payload: unknown) => XNormalised, isKnown: (id: string | null, createdAt: number | null) => boolean): Walked {
  const items: unknown[] = [];
  const rejected: SyncPage['rejected'] = [];
  let oldest: number | null = null;
  let reachedKnown = false;
  for (const payload of list.data ?? []) {
    const normalised = normalise(payload);
    const id = idOf(payload);
    const createdAt = normalised.outcome === 'item' ? normalised.item.createdAt : null;
    if (isKnown(id, createdAt)) {
      reachedKnown = true;
      break;
    }
    if (normalised.outcome === 'rejected') rejected.push({ payload, reason: normalised.reason });
    if (normalised.outcome !== 'item') continue;
    items.push(normalised.item);
    oldest = createdAt;
  }
  const top = request.cursors[`${stream}Top`] ?? list.meta?.newest_id ?? idOf(list.data?.[0]) ?? null;
  const next = list.meta?.next_token ?? null;
  const isDone = reachedKnown || next === null || (list.data ?? []).length === 0;
  const cursors: Record<string, string | null> = isDone ? { [`${stream}Page`]: null, [`${stream}Top`]: null } : { [`${stream}Page`]: next, [`${stream}Top`]: top };
  if (isDone && top !== null) cursors[stream] = top;
  return { items, rejected, cursors, isDone, oldest };
}

function progressOf(mentions: Walked, request: SyncRequest, now: number): number | null {
  if (request.cursors[MENTIONS_CURSOR] !== undefined) return null;
  if (mentions.isDone) return 1;
  const span = now - request.backfillSince;
  return mentions.oldest === null || span <= 0 ? null : Math.min(1, Math.max(0, (now - mentions.oldest) / span));
}

/** X takes `start_time` to the second, never before its earliest. */
export const startTime = (backfillSince: number): string => new Date(Math.max(backfillSince, X_EARLIEST_START)).toISOString().replace(/\.\d{3}Z$/u, 'Z');

function parseList(body: unknown, what: string): XList {
  const list = xListSchema.safeParse(body);
  if (!list.success) throw new ConnectorError(`X answered the ${what} with something that is not a list.`, 'transient');
  return list.data;
}

function idOf(payload: unknown): string | null {
  const id = (payload as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && id.length > 0 ? id : null;
}
