import type { SyncSummary } from '../../../shared/api/accounts';
import type { Connector, SyncPage } from '../connectors/connector';
import type { CoreContext } from '../coreContext';
import { cursorsOf, saveCursors } from '../store/accounts';
import { quarantinePage } from './quarantinePage';
import { recentRefs } from './recentRefs';

/** However slow the platform, one page call ends by then: the pass fails and backs off instead of hanging. */
export const PAGE_TIMEOUT_MS = 60_000;

export type PassOptions = {
  signal: AbortSignal;
  /** Where a first sync reads back to (epoch ms). */
  backfillSince: number;
  onProgress: (progress: number | null) => void;
  /** A page said what it could not do (DMs not allowed): shown on the account once the pass ends. */
  onNotice: (notice: NonNullable<SyncPage['notice']>) => void;
};

/**
 * One sync pass of one account: pages while the connector has more, each ingested (new items
 * and updates), its unreadable payloads quarantined, and only then its cursors stored, so a
 * crash between the two replays the page (ingest skips what it already has). Whole pages, never
 * a request per item: the connector batches, and the messages to read again for edits come
 * from one query, offered with the first page only.
 */
export async function runSyncPass(ctx: CoreContext, accountId: string, connector: Connector, options: PassOptions): Promise<SyncSummary> {
  const summary: SyncSummary = { id: accountId, inserted: 0, updated: 0, duplicates: 0, rejected: 0 };
  const source = `sync:${connector.platform}`;
  let recheck = recentRefs(ctx.db, accountId, ctx.clock());
  for (let hasMore = true; hasMore; ) {
    options.signal.throwIfAborted();
    const signal = AbortSignal.any([options.signal, AbortSignal.timeout(PAGE_TIMEOUT_MS)]);
    const page = await connector.sync({ cursors: cursorsOf(ctx.db, accountId), signal, backfillSince: options.backfillSince, recheck });
    // Stopped while the page came in (paused, disconnected): nothing of it is kept, its cursors neither.
    options.signal.throwIfAborted();
    recheck = [];
    const result = ctx.ingest({ accountId, items: page.items, updates: page.updates, source });
    const quarantined = page.rejected.length > 0 ? quarantinePage(ctx.db, accountId, source, page.rejected, ctx.clock()) : 0;
    saveCursors(ctx.db, accountId, page.cursors, ctx.clock());
    summary.inserted += result.inserted;
    summary.updated += result.updated;
    summary.duplicates += result.duplicates;
    summary.rejected += result.rejected + quarantined;
    options.onProgress(page.hasMore ? page.progress : null);
    if (page.notice) options.onNotice(page.notice);
    hasMore = page.hasMore;
  }
  return summary;
}
