import type { MessageUpdateInput } from '../../../../shared/domain/incomingItem';
import type { SyncRequest } from '../connector';
import { commentSchema, listResponseSchema } from './youtubeEntities';
import type { YoutubeHttp } from './youtubeHttp';
import { QUOTA_COST, type YoutubeQuota } from './youtubeQuota';
import { readYoutubeRef } from './youtubeRef';
import { HIDDEN_STATUSES } from './normaliseComment';

/** comments.list takes up to 50 ids a call. */
const BATCH = 50;
/** Edits and deletions are looked for this often, not every pass: each look costs quota. */
export const RECHECK_EVERY_MS = 15 * 60_000;

/** What a recheck already said, by comment id: the newest edit time (Infinity once deleted) and the hidden state. */
export type Announced = { edits: Map<string, number>; hidden: Map<string, boolean> };

/**
 * Recent comments read again by id in one call (1 unit for 50): one YouTube no longer returns
 * was deleted (or rejected by someone else), one whose `updatedAt` moved was edited, one whose
 * moderation status moved was held or released (in YouTube Studio, say). The stored ref keeps
 * how the comment stood when it was taken in, so `announced` remembers what was already said.
 */
export async function recheckComments(http: YoutubeHttp, quota: YoutubeQuota, request: SyncRequest, now: number, announced: Announced): Promise<MessageUpdateInput[]> {
  const known = new Map<string, { externalId: string; updatedAt: number; isHidden: boolean }>();
  for (const { externalId, ref } of request.recheck) {
    const read = readYoutubeRef(ref);
    if (read && known.size < BATCH) known.set(read.id, { externalId, updatedAt: read.updatedAt, isHidden: read.isHidden });
  }
  if (known.size === 0 || !quota.fitsAboveReserve(QUOTA_COST.list)) return [];
  const query = { part: 'snippet', id: [...known.keys()].join(','), textFormat: 'plainText' };
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
    const status = comment.data.snippet.moderationStatus;
    const isHidden = status === undefined ? null : HIDDEN_STATUSES.has(status);
    if (isHidden !== null && isHidden !== (announced.hidden.get(comment.data.id) ?? stored.isHidden)) {
      announced.hidden.set(comment.data.id, isHidden);
      updates.push({ change: 'hidden', platform: 'youtube', externalId: stored.externalId, isHidden });
    }
    const updatedAt = Date.parse(comment.data.snippet.updatedAt ?? '');
    const text = comment.data.snippet.textOriginal ?? comment.data.snippet.textDisplay;
    if (!Number.isFinite(updatedAt) || updatedAt <= Math.max(stored.updatedAt, announced.edits.get(comment.data.id) ?? 0) || text === undefined) continue;
    announced.edits.set(comment.data.id, updatedAt);
    updates.push({ change: 'edited', platform: 'youtube', externalId: stored.externalId, text, editedAt: updatedAt });
  }
  for (const [id, stored] of known) {
    if (seen.has(id) || announced.edits.get(id) === Infinity) continue;
    announced.edits.set(id, Infinity);
    updates.push({ change: 'deleted', platform: 'youtube', externalId: stored.externalId, deletedAt: now });
  }
  return updates;
}
