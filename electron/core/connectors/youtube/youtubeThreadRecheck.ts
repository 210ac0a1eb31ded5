import type { SyncPage, SyncRequest } from '../connector';
import { normaliseThread } from './normaliseComment';
import { listResponseSchema } from './youtubeEntities';
import type { YoutubeHttp } from './youtubeHttp';
import { QUOTA_COST, type YoutubeQuota } from './youtubeQuota';
import { readYoutubeRef } from './youtubeRef';

/** commentThreads.list takes up to 50 ids a call. */
const BATCH = 50;

/**
 * The recent threads read again by id (1 unit for 50), for replies YouTube's `order=time` does
 * not bring back to the first page: a new reply to an older thread. Only comments neither
 * stored nor in this page come in (the embedded replies are the thread's latest).
 */
export async function newRepliesOfRecentThreads(http: YoutubeHttp, quota: YoutubeQuota, channelId: string, request: SyncRequest, page: SyncPage): Promise<Pick<SyncPage, 'items' | 'updates' | 'rejected'>> {
  const stored = new Set([...request.recheck.map((each) => each.externalId), ...page.items.map((item) => (item as { externalId?: unknown }).externalId)]);
  const threads = new Set<string>();
  for (const { ref } of request.recheck) {
    const read = readYoutubeRef(ref);
    if (read && threads.size < BATCH) threads.add(read.thread);
  }
  const found: Pick<SyncPage, 'items' | 'updates' | 'rejected'> = { items: [], updates: [], rejected: [] };
  if (threads.size === 0 || !quota.fitsAboveReserve(QUOTA_COST.list)) return found;
  const query = { part: 'snippet,replies', id: [...threads].join(','), textFormat: 'plainText' };
  const list = listResponseSchema.safeParse(await http.call({ path: '/youtube/v3/commentThreads', query, cost: QUOTA_COST.list, signal: request.signal }));
  if (!list.success) return found;
  for (const payload of list.data.items) {
    const thread = normaliseThread(payload, channelId);
    const fresh = thread.items.filter((item) => !stored.has(item.externalId));
    found.items.push(...fresh);
    found.updates.push(...thread.updates.filter((update) => fresh.some((item) => item.externalId === update.externalId)));
    found.rejected.push(...thread.rejected);
  }
  return found;
}
