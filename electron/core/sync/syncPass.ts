import { setImmediate as turn } from 'node:timers/promises';
import type { SyncSummary } from '../../../shared/api/accounts';
import type { Connector, Cursors, SyncPage } from '../connectors/connector';
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
 *
 * The next page is asked for before this one is stored: the platform prepares it while ingest
 * runs, which would otherwise leave the network idle (ingest is synchronous). Only cursors move
 * the pass forward, and they are still stored page by page after ingest: a pass that dies asks
 * again for the page it was reading ahead.
 */
export async function runSyncPass(ctx: CoreContext, accountId: string, connector: Connector, options: PassOptions): Promise<SyncSummary> {
  const summary: SyncSummary = { id: accountId, inserted: 0, updated: 0, duplicates: 0, rejected: 0 };
  const source = `sync:${connector.platform}`;
  // Ends a page read ahead that the pass will not use (it failed, or was stopped).
  const readAhead = new AbortController();
  const ask = (cursors: Cursors, recheck: Parameters<Connector['sync']>[0]['recheck']) => {
    const signal = AbortSignal.any([options.signal, readAhead.signal, AbortSignal.timeout(PAGE_TIMEOUT_MS)]);
    const page = connector.sync({ cursors, signal, backfillSince: options.backfillSince, recheck });
    // Awaited below, or abandoned with the pass: either way never an unhandled rejection.
    page.catch(() => undefined);
    return page;
  };
  try {
    options.signal.throwIfAborted();
    // Read once: only this pass writes them (one pass at a time per account), so what it stores page by page is known here.
    let cursors = cursorsOf(ctx.db, accountId);
    let next: Promise<SyncPage> | null = ask(cursors, recentRefs(ctx.db, accountId, ctx.clock()));
    while (next) {
      const page: SyncPage = await next;
      // Stopped while the page came in (paused, disconnected): nothing of it is kept, its cursors neither.
      options.signal.throwIfAborted();
      cursors = cursorsAfter(cursors, page.cursors);
      next = null;
      if (page.hasMore) {
        // The next request must be on the wire before ingest holds the thread: one turn of the event
        // loop for the connection that just answered to go back to fetch's pool (asked at once, the
        // request opened a new connection, still connecting when ingest began), one for it to leave.
        await turn();
        next = ask(cursors, []);
        await turn();
      }
      const result = ctx.ingest({ accountId, items: page.items, updates: page.updates, source });
      const quarantined = page.rejected.length > 0 ? quarantinePage(ctx.db, accountId, source, page.rejected, ctx.clock()) : 0;
      saveCursors(ctx.db, accountId, page.cursors, ctx.clock());
      summary.inserted += result.inserted;
      summary.updated += result.updated;
      summary.duplicates += result.duplicates;
      summary.rejected += result.rejected + quarantined;
      options.onProgress(page.hasMore ? page.progress : null);
      if (page.notice) options.onNotice(page.notice);
    }
    return summary;
  } finally {
    readAhead.abort(new Error('The sync pass ended.'));
  }
}

/** The cursors as they will be once a page's are stored: a name left out keeps its value, null clears it. */
function cursorsAfter(stored: Cursors, changes: SyncPage['cursors']): Cursors {
  const merged: Record<string, string> = { ...stored };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}
