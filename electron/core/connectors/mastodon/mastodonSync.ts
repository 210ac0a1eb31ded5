import { ConnectorError, type SyncPage, type SyncRequest } from '../connector';
import type { BrandLookup } from './mastodonBrand';
import type { MastodonHttp } from './mastodonHttp';
import { readRef } from './mastodonRef';
import type { Rechecker } from './mastodonRecheck';
import { linkParams } from './linkHeader';
import { normaliseNotification } from './normaliseNotification';
import { isNewerId } from './statusIds';

/** The newest notification taken in: later passes ask for what is newer (`min_id`). */
export const NOTIFICATIONS_CURSOR = 'notifications';
/** During the first backfill: where the next older page starts (`max_id`); cleared when done. */
export const BACKFILL_CURSOR = 'backfill';
const PAGE_SIZE = 40;
/** Servers that ignore `types[]` may still honour `exclude_types[]` (snac does): fewer pages to skip through. */
const NOT_MENTIONS = ['status', 'reblog', 'follow', 'follow_request', 'favourite', 'poll', 'update', 'admin.sign_up', 'admin.report'];

type Notifications = { list: unknown[]; links: Map<string, URLSearchParams> };

/**
 * One page of mentions. With no cursor yet it backfills, newest first, page by page down to
 * `backfillSince`; afterwards each pass asks for what is newer than the newest seen. Servers
 * that ignore `types[]` or `min_id` (snac) are filtered here instead.
 */
export async function syncMastodon(http: MastodonHttp, brands: BrandLookup, rechecker: Rechecker, now: () => number, request: SyncRequest): Promise<SyncPage> {
  const brand = await brands.get(request.signal);
  const isBackfill = request.cursors[BACKFILL_CURSOR] !== undefined || request.cursors[NOTIFICATIONS_CURSOR] === undefined;
  const page = isBackfill ? await backfillPage(http, request, now()) : await livePage(http, request);
  const threads = new Map<string, string>();
  for (const { ref } of request.recheck) {
    const read = readRef(ref);
    if (read) threads.set(read.id, read.thread);
  }
  const items: unknown[] = [];
  const rejected: SyncPage['rejected'] = [];
  // Oldest first, so that a reply finds the thread of the status it answers in the same page.
  for (const payload of [...page.taken].reverse()) {
    const normalised = normaliseNotification(payload, brand, (id) => threads.get(id));
    if (normalised.outcome === 'rejected') rejected.push({ payload, reason: normalised.reason });
    if (normalised.outcome !== 'item') continue;
    threads.set(normalised.ref.id, normalised.ref.thread);
    items.push(normalised.item);
  }
  const recheck = page.hasMore ? { updates: [], cursors: {} } : await rechecker.updates(request);
  return { items, updates: recheck.updates, rejected, cursors: { ...page.cursors, ...recheck.cursors }, hasMore: page.hasMore, progress: page.progress };
}

type Page = { taken: unknown[]; cursors: Record<string, string | null>; hasMore: boolean; progress: number | null };

async function fetchNotifications(http: MastodonHttp, query: Record<string, string>, signal: AbortSignal): Promise<Notifications> {
  const response = await http.call({ path: '/api/v1/notifications', query: { ...query, limit: String(PAGE_SIZE), types: ['mention'], exclude_types: NOT_MENTIONS }, signal });
  if (!Array.isArray(response.body)) throw new ConnectorError(`${http.origin} answered /api/v1/notifications with something that is not a list.`, 'transient');
  return { list: response.body, links: linkParams(response.headers.get('link')) };
}

async function backfillPage(http: MastodonHttp, request: SyncRequest, now: number): Promise<Page> {
  const from = request.cursors[BACKFILL_CURSOR];
  const { list, links } = await fetchNotifications(http, from === undefined ? {} : { max_id: from }, request.signal);
  const taken = list.filter((payload) => (timeOf(payload) ?? Infinity) >= request.backfillSince);
  const ids = list.map(idOf).filter((id): id is string => id !== null);
  const older = links.get('next')?.get('max_id') ?? ids.at(-1) ?? null;
  const isDone = taken.length < list.length || list.length < PAGE_SIZE || older === null;
  const cursors: Record<string, string | null> = { [BACKFILL_CURSOR]: isDone ? null : older };
  const newest = ids[0];
  if (from === undefined && newest !== undefined) cursors[NOTIFICATIONS_CURSOR] = links.get('prev')?.get('min_id') ?? newest;
  const oldestTime = timeOf(taken.at(-1));
  const span = now - request.backfillSince;
  const progress = isDone ? 1 : oldestTime === null || span <= 0 ? null : Math.min(1, Math.max(0, (now - oldestTime) / span));
  return { taken, cursors, hasMore: !isDone, progress };
}

async function livePage(http: MastodonHttp, request: SyncRequest): Promise<Page> {
  const since = request.cursors[NOTIFICATIONS_CURSOR] ?? '';
  const { list, links } = await fetchNotifications(http, { min_id: since }, request.signal);
  // snac ignores min_id and answers with the newest: keep only what is newer than the cursor.
  const taken = list.filter((payload) => {
    const id = idOf(payload);
    return id === null || isNewerId(id, since);
  });
  const newest = taken.map(idOf).reduce<string | null>((max, id) => (id !== null && (max === null || isNewerId(id, max)) ? id : max), null);
  const next = links.get('prev')?.get('min_id') ?? newest;
  return { taken, cursors: next === null ? {} : { [NOTIFICATIONS_CURSOR]: next }, hasMore: taken.length >= PAGE_SIZE, progress: null };
}

function idOf(payload: unknown): string | null {
  const id = (payload as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

/** When a notification arrived (or its status was written); null when it does not say. */
function timeOf(payload: unknown): number | null {
  const notification = payload as { created_at?: unknown; status?: { created_at?: unknown } } | null | undefined;
  const at = Date.parse(String(notification?.created_at ?? notification?.status?.created_at ?? ''));
  return Number.isFinite(at) ? at : null;
}
