import type { MessageUpdateInput } from '../../../../shared/domain/incomingItem';
import type { SyncRequest } from '../connector';
import { commentSchema, listingSchema, type RedditComment } from './redditEntities';
import type { RedditHttp } from './redditHttp';

/** Where the last recheck stopped (a fullname), so that each pass reads the next batch. */
export const RECHECK_CURSOR = 'recheck';
/** `/api/info` takes up to 100 fullnames. */
const BATCH = 100;

/**
 * The inbox never says that a comment was edited, deleted or removed: each pass reads one batch
 * of the stored comments again (`GET /api/info?id=t1_…,…`), going round them pass after pass.
 * Private messages cannot be edited, and a deleted one stays in the inbox: they are not reread.
 */
export async function recheckUpdates(http: RedditHttp, request: SyncRequest, now: number): Promise<{ updates: MessageUpdateInput[]; cursors: Record<string, string | null> }> {
  const names = request.recheck.map((each) => each.externalId).filter((name) => /^t1_[0-9a-z]+$/u.test(name));
  if (names.length === 0) return { updates: [], cursors: {} };
  const from = names.indexOf(request.cursors[RECHECK_CURSOR] ?? '') + 1;
  const batch = names.slice(from, from + BATCH);
  const response = await http.call({ path: '/api/info', query: { id: batch.join(',') }, signal: request.signal, purpose: 'sync' });
  const listing = listingSchema.safeParse(response.body);
  const updates = listing.success ? listing.data.data.children.flatMap((child) => updatesOf(child, now)) : [];
  const isRound = from + BATCH >= names.length;
  return { updates, cursors: { [RECHECK_CURSOR]: isRound ? null : (batch.at(-1) ?? null) } };
}

function updatesOf(payload: unknown, now: number): MessageUpdateInput[] {
  const parsed = commentSchema.safeParse(payload);
  if (!parsed.success) return [];
  const comment: RedditComment['data'] = parsed.data.data;
  const externalId = comment.name;
  // Deleted by its author: Reddit keeps the place with `[deleted]` for both.
  if (comment.author === '[deleted]' && comment.body === '[deleted]') return [{ change: 'deleted', platform: 'reddit', externalId, deletedAt: now }];
  // Removed by a moderator: its text is gone for everyone else (`[removed]`); a moderator sees it with `removed: true`.
  const isRemoved = comment.removed === true || comment.body === '[removed]';
  // Only a moderator's view says it is not removed (`removed: false`): only then is it shown again.
  const updates: MessageUpdateInput[] = isRemoved || comment.removed === false ? [{ change: 'hidden', platform: 'reddit', externalId, isHidden: isRemoved }] : [];
  if (typeof comment.edited === 'number' && comment.body !== '[removed]') {
    updates.push({ change: 'edited', platform: 'reddit', externalId, text: comment.body, editedAt: Math.round(comment.edited * 1000) });
  }
  return updates;
}
