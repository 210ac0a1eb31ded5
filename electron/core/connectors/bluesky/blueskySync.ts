import type { SyncPage, SyncRequest } from '../connector';
import type { BlueskyClient } from './blueskyClient';
import { brandRootOf, INBOX_REASONS, notificationItem, parseNotification, type Notification } from './blueskyNormalise';
import { fetchPosts } from './blueskyPosts';

/**
 * Named cursors: `notifications` is the high-water mark, the newest `indexedAt` of a walk
 * finished and ingested; a walk in progress (newest to oldest, one page per call) keeps the
 * API's page cursor in `notificationsPage` and its first `indexedAt` in `notificationsTop`,
 * which becomes the mark once the walk reaches the old one (or `backfillSince` the first time).
 */
export const NOTIFICATION_CURSORS = { mark: 'notifications', page: 'notificationsPage', top: 'notificationsTop' } as const;
const PAGE_SIZE = 100;

type NotificationsPage = Omit<SyncPage, 'updates'>;

/** One page of the brand's notifications, newest first: mentions, replies and quotes as items. */
export async function syncNotifications(client: BlueskyClient, request: SyncRequest): Promise<NotificationsPage> {
  const { cursors, signal } = request;
  const mark = timeOrNull(cursors[NOTIFICATION_CURSORS.mark]);
  const floor = mark ?? request.backfillSince;
  const answer = (await client.query(
    'app.bsky.notification.listNotifications',
    { limit: PAGE_SIZE, reasons: INBOX_REASONS, cursor: cursors[NOTIFICATION_CURSORS.page] },
    signal,
  )) as { notifications?: unknown; cursor?: unknown } | null;
  const raws = Array.isArray(answer?.notifications) ? answer.notifications : [];
  const messages: Notification[] = [];
  const rejected: SyncPage['rejected'] = [];
  let oldest: number | null = null;
  let top = timeOrNull(cursors[NOTIFICATION_CURSORS.top]);
  for (const raw of raws) {
    const indexedAt = timeOrNull((raw as { indexedAt?: unknown } | null)?.indexedAt);
    if (indexedAt !== null) {
      oldest = Math.min(oldest ?? indexedAt, indexedAt);
      top = Math.max(top ?? indexedAt, indexedAt);
    }
    // At the mark itself: ingest drops what it already has, and nothing arriving in the same millisecond is lost.
    if (indexedAt !== null && indexedAt < floor) continue;
    const parsed = parseNotification(raw);
    if (parsed.kind === 'message') messages.push(parsed.notification);
    else if (parsed.kind === 'rejected') rejected.push({ payload: raw, reason: parsed.reason });
  }
  const roots = await fetchPosts(client, messages.flatMap((notification) => brandRootOf(notification, client.did) ?? []), signal);
  const items = messages.map((notification) => notificationItem(notification, client.did, roots));
  const next = typeof answer?.cursor === 'string' && answer.cursor !== '' ? answer.cursor : null;
  const isDone = next === null || raws.length === 0 || (oldest !== null && oldest < floor);
  const cursorsAfter: SyncPage['cursors'] = isDone
    ? { [NOTIFICATION_CURSORS.mark]: top === null ? (cursors[NOTIFICATION_CURSORS.mark] ?? null) : new Date(Math.max(top, mark ?? 0)).toISOString(), [NOTIFICATION_CURSORS.page]: null, [NOTIFICATION_CURSORS.top]: null }
    : { [NOTIFICATION_CURSORS.page]: next, [NOTIFICATION_CURSORS.top]: top === null ? null : new Date(top).toISOString() };
  return { items, rejected, cursors: cursorsAfter, hasMore: !isDone, progress: isDone ? 1 : progressOf(top, oldest, floor) };
}

/** How much of the span from the newest notification back to the floor this walk has covered. */
function progressOf(top: number | null, oldest: number | null, floor: number): number | null {
  if (top === null || oldest === null || top <= floor) return null;
  return Math.min(1, Math.max(0, (top - oldest) / (top - floor)));
}

function timeOrNull(value: unknown): number | null {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(time) ? time : null;
}
