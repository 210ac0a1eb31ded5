import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import type { Platform } from '../../../../shared/domain/platform';
import { DEMO_PLATFORMS } from './demoBrand';
import { DemoStream } from './demoStream';

export type BulkOptions = {
  seed: number;
  /** Items over all platforms. */
  total: number;
  /** Items per batch; a batch is one account's page. */
  batchSize: number;
  /** Creation time of the first item, in epoch ms. */
  startTime: number;
  /** Between consecutive items; 1 s unless told. */
  intervalMs?: number;
};

export type BulkBatch = { platform: Platform; items: IncomingItemInput[] };

/**
 * Demo items for benchmarks, as a history import runs: one account's page at a time, the
 * demo platforms taking turns, each page covering its own stretch of time after the
 * previous page's, so times increase across the whole run. Batch k belongs to platform
 * k mod 6 and holds that platform's stream items from round × batchSize on.
 * Batches of up to a few thousand items die young: 10,000-item batches live long enough to
 * be promoted, and garbage collection then costs more than generating them.
 */
export function* generateBulk(options: BulkOptions): Generator<BulkBatch, void, undefined> {
  const { seed, total, batchSize, startTime, intervalMs = 1_000 } = options;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new Error(`Bulk batchSize must be a positive integer, got ${batchSize}`);
  const lanes = DEMO_PLATFORMS.length;
  // Item i of a platform sits in round floor(i / batchSize): its time skips the other lanes' pages.
  const streams = DEMO_PLATFORMS.map(
    (platform, lane) =>
      new DemoStream(seed, platform, (index) => {
        const round = Math.floor(index / batchSize);
        return startTime + ((round * lanes + lane) * batchSize + (index % batchSize)) * intervalMs;
      }),
  );
  for (let batch = 0, from = 0; from < total; batch++, from += batchSize) {
    const lane = batch % lanes;
    const stream = streams[lane];
    const platform = DEMO_PLATFORMS[lane];
    if (stream === undefined || platform === undefined) throw new Error(`Bulk: no stream for lane ${lane}`);
    const first = Math.floor(batch / lanes) * batchSize;
    const count = Math.min(batchSize, total - from);
    const items = new Array<IncomingItemInput>(count);
    for (let k = 0; k < count; k++) items[k] = stream.entryAt(first + k).item;
    yield { platform, items };
  }
}
