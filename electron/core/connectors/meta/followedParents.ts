import type { PlatformRef, SyncRequest } from '../connector';

/**
 * Older posts whose conversations are still alive (#13): Facebook's feed is listed back to the
 * backfill window only, and Instagram's media list to the 50 newest, so a reply under an older
 * post would never arrive. The posts (media) of the comments stored in the last 30 days (the
 * sync's `recheck`, newest first) are followed besides, on a slower cadence than the pass: once
 * every 15 minutes, the time of the last check kept with the cursors.
 */
export const FOLLOWED_CHECKED_AT = 'followedCheckedAt';
export const FOLLOW_FOR_MS = 30 * 86_400_000;
export const FOLLOW_EVERY_MS = 15 * 60_000;

/**
 * The parents to check now, newest conversation first and at most `max`, leaving out those the
 * pass lists anyway; none when the last check is recent. `parentOf` reads a stored comment's
 * ref: its post (or media) and when it was written.
 */
export function parentsToFollow(request: Pick<SyncRequest, 'recheck' | 'cursors'>, listed: readonly string[], now: number, max: number, parentOf: (ref: PlatformRef) => { id: string; at: number } | null): string[] {
  const checkedAt = Number(request.cursors[FOLLOWED_CHECKED_AT] ?? 0);
  if (now - checkedAt < FOLLOW_EVERY_MS) return [];
  const parents = new Set<string>();
  for (const { ref } of request.recheck) {
    const parent = parentOf(ref);
    if (parent !== null && parent.at >= now - FOLLOW_FOR_MS && !listed.includes(parent.id)) parents.add(parent.id);
  }
  return [...parents].slice(0, max);
}
