import type { MessageUpdateInput } from '../../../../shared/domain/incomingItem';
import type { SyncRequest } from '../connector';
import { commentSchema, listResponseSchema } from './youtubeEntities';
import type { YoutubeHttp } from './youtubeHttp';
import { QUOTA_COST, type YoutubeQuota } from './youtubeQuota';
import { readYoutubeRef } from './youtubeRef';

/** comments.list takes up to 50 ids a call. */
const BATCH = 50;
/** Edits and deletions are looked for this often, not every pass: each look costs quota. */
export const RECHECK_EVERY_MS = 15 * 60_000;

/**
 * Recent comments read again by id in one call (1 unit for 50): one YouTube no longer returns
 * was deleted (or rejected by someone else), one whose `updatedAt` moved was edited. The stored
 * ref keeps the time it was taken in, so `announced` remembers what was already said (by id:
 * the newest edit time, or Infinity once deleted).
 */
export async function recheckComments(http: YoutubeHttp, quota: YoutubeQuota, request: SyncRequest, now: number, announced: Map<string, number>): Promise<MessageUpdateInput[]> {
  const known = new Map<string, { externalId: string; updatedAt: number }>();
  for (const { externalId, ref } of request.recheck) {
    const read = readYoutubeRef(ref);
    if (read && known.size < BATCH) known.set(read.id, { externalId, updatedAt: read.updatedAt });
  }
  if (known.size === 0 || !quota.mayPoll(QUOTA_COST.list)) return [];
  const query = { part: 'snippet', id: [...known.keys()].join(','), textFormat: 'plainText', maxResults: undefined };
  const list = listResponseSchema.safeParse(await http.call({ path: '/youtube/v3/comments', query, cost: QUOTA_COST.list, signal: request.signal }));
  // A list that cannot be read says nothing about what was deleted.
  if (!list.success) return [];
  const updates: MessageUpdateInput[] = [];
  const seen = new Set<string>();
  for (const raw of list.data.items) {
    const comment = commentSchema.safeParse(raw);
    if (!comment.success) continue;
    const stored = known.get(comment.data.id);
    if (!stored) continue;
    seen.add(comment.data.id);
    const updatedAt = Date.parse(comment.data.snippet.updatedAt ?? '');
    const text = comment.data.snippet.textOriginal ?? comment.data.snippet.textDisplay;
    if (!Number.isFinite(updatedAt) || updatedAt <= Math.max(stored.updatedAt, announced.get(comment.data.id) ?? 0) || text === undefined) continue;
    announced.set(comment.data.id, updatedAt);
    updates.push({ change: 'edited', platform: 'youtube', externalId: stored.externalId, text, editedAt: updatedAt });
  }
  for (const [id, stored] of known) {
    if (seen.has(id) || announced.get(id) === Infinity) continue;
    announced.set(id, Infinity);
    updates.push({ change: 'deleted', platform: 'youtube', externalId: stored.externalId, deletedAt: now });
  }
  return updates;
}
