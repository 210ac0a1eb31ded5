import { generateBulk } from '../../electron/core/connectors/demo/generateBulk';

export const BENCH_SEED = 424242;
// A history import stores several API pages per transaction; live polls are far smaller.
export const BATCH_SIZE = 5000;
const START = Date.UTC(2025, 0, 1);

/**
 * The benchmark's items: the demo workspace's bulk mode, one account's page per batch, as
 * a history import runs. Both phases iterate this same sequence, so they store the same rows.
 */
export const benchBatches = (total: number) =>
  generateBulk({ seed: BENCH_SEED, total, batchSize: BATCH_SIZE, startTime: START, intervalMs: 500 });

export const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
