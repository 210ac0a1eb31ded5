import { ConnectorError, type SyncPage } from '../connector';
import type { RedditBrand } from './normaliseInboxItem';
import { normaliseQueuedComment } from './normaliseQueuedComment';
import { listingSchema, PAGE_SIZE } from './redditEntities';
import type { RedditHttp } from './redditHttp';

/**
 * The comments waiting in the moderation queue of the communities the account moderates
 * (`GET /r/mod/about/modqueue?only=comments`): one page per pass, read whole (a queue is ordered
 * by when things entered it, not by when they were written, so no high-water mark fits; ingest
 * drops what it already has). Only for an account that moderates somewhere.
 */
export async function queuedComments(http: RedditHttp, brand: RedditBrand, signal: AbortSignal): Promise<Pick<SyncPage, 'items' | 'rejected'>> {
  const response = await http.call({ path: '/r/mod/about/modqueue', query: { only: 'comments', limit: String(PAGE_SIZE) }, signal, purpose: 'sync' });
  const listing = listingSchema.safeParse(response.body);
  if (!listing.success) throw new ConnectorError('Reddit answered /r/mod/about/modqueue with something that is not a listing.', 'transient');
  const items: unknown[] = [];
  const rejected: SyncPage['rejected'] = [];
  for (const payload of listing.data.data.children) {
    const normalised = normaliseQueuedComment(payload, brand);
    if (normalised.outcome === 'item') items.push(normalised.item);
    else rejected.push({ payload, reason: normalised.reason });
  }
  return { items, rejected };
}
