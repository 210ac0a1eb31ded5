import type { SyncRequest } from '../connector';
import { readRef } from './facebookRef';

/**
 * Older posts whose conversations are still alive (#13): the Page's feed is listed back to the
 * backfill window only, so a reply under a two-month-old post would never arrive. The posts of
 * the comments stored in the last 30 days (the sync's `recheck`, newest first) are followed
 * besides, checked on a slower cadence than the feed: once every 15 minutes, at most 50 posts in
 * one `GET /?ids=` request, far inside a Page's call limits.
 */
export const FOLLOWED_CHECKED_AT = 'followedCheckedAt';
export const FOLLOW_FOR_MS = 30 * 86_400_000;
export const FOLLOW_EVERY_MS = 15 * 60_000;
/** Graph reads at most 50 objects in one `?ids=` request. */
export const FOLLOW_MAX = 50;

/** The posts to check now, newest conversation first, or none when the last check is recent. */
export function postsToFollow(request: Pick<SyncRequest, 'recheck' | 'cursors'>, listed: readonly string[], now: number): string[] {
  const checkedAt = Number(request.cursors[FOLLOWED_CHECKED_AT] ?? 0);
  if (now - checkedAt < FOLLOW_EVERY_MS) return [];
  const posts = new Set<string>();
  for (const { ref } of request.recheck) {
    const read = readRef(ref);
    if (read?.kind === 'comment' && read.at >= now - FOLLOW_FOR_MS && !listed.includes(read.post)) posts.add(read.post);
  }
  return [...posts].slice(0, FOLLOW_MAX);
}
