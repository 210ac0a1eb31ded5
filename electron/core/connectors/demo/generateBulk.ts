import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import { DEMO_PLATFORMS } from './demoBrand';
import { DemoStream } from './demoStream';

export type BulkOptions = {
  seed: number;
  /** Items over all platforms. */
  total: number;
  batchSize: number;
  /** Creation time of the first item, in epoch ms. */
  startTime: number;
  /** Between consecutive items; 1 s unless told. */
  intervalMs?: number;
};

/**
 * Demo items for benchmarks, in batches: item k comes from platform k mod 6 (round robin
 * over the demo platforms) and is created at startTime + k × intervalMs, so times increase.
 */
export function* generateBulk(options: BulkOptions): Generator<IncomingItemInput[], void, undefined> {
  const { seed, total, batchSize, startTime, intervalMs = 1_000 } = options;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new Error(`Bulk batchSize must be a positive integer, got ${batchSize}`);
  const lanes = DEMO_PLATFORMS.length;
  const streams = DEMO_PLATFORMS.map(
    (platform, lane) => new DemoStream(seed, platform, (index) => startTime + (index * lanes + lane) * intervalMs),
  );
  for (let from = 0; from < total; from += batchSize) {
    const end = Math.min(total, from + batchSize);
    const batch: IncomingItemInput[] = new Array<IncomingItemInput>(end - from);
    for (let k = from; k < end; k++) {
      const stream = streams[k % lanes];
      if (stream === undefined) throw new Error(`Bulk: no stream for lane ${k % lanes}`);
      batch[k - from] = stream.entryAt(Math.floor(k / lanes)).item;
    }
    yield batch;
  }
}
