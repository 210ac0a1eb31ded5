import { generateBulk } from '../../electron/core/connectors/demo/generateBulk';
import type { IncomingItemInput } from '../../shared/domain/incomingItem';
import type { Platform } from '../../shared/domain/platform';

export const BENCH_SEED = 424242;
export const BATCH_SIZE = 3000;
const START = Date.UTC(2025, 0, 1);

/**
 * The benchmark's items: the demo workspace's bulk mode, grouped per platform because a
 * batch is one account's page. Both phases iterate this same sequence, so they store the
 * same rows.
 */
export function* benchBatches(total: number): Generator<{ platform: Platform; items: IncomingItemInput[] }> {
  for (const batch of generateBulk({ seed: BENCH_SEED, total, batchSize: BATCH_SIZE, startTime: START, intervalMs: 500 })) {
    const byPlatform = new Map<Platform, IncomingItemInput[]>();
    for (const item of batch) byPlatform.set(item.platform, [...(byPlatform.get(item.platform) ?? []), item]);
    for (const [platform, items] of byPlatform) yield { platform, items };
  }
}

export const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
