import { describe, expect, it } from 'vitest';
import { incomingItemSchema } from '../../../../shared/domain/incomingItem';
import { DEMO_PLATFORMS } from './demoBrand';
import { generateBulk } from './generateBulk';
import { generateDemoItems } from './generateDemoItems';

describe('generateBulk', () => {
  const options = { seed: 9, total: 1000, batchSize: 64, startTime: 1_760_000_000_000, intervalMs: 250 };
  const batches = [...generateBulk(options)];
  const all = batches.flatMap((batch) => batch.items);

  it('yields the total in one-platform batches of batchSize, the platforms taking turns', () => {
    expect(batches.map((batch) => batch.items.length)).toEqual([...Array<number>(15).fill(64), 40]);
    expect(batches.slice(0, 12).map((batch) => batch.platform)).toEqual([...DEMO_PLATFORMS, ...DEMO_PLATFORMS]);
    for (const batch of batches) expect(batch.items.every((item) => item.platform === batch.platform)).toBe(true);
  });

  it('gives every item its own instant, increasing across the whole run', () => {
    all.forEach((item, k) => expect(item.createdAt).toBe(options.startTime + k * options.intervalMs));
  });

  it('is the per-platform demo stream, item for item', () => {
    const youtube = batches.filter((batch) => batch.platform === 'youtube').flatMap((batch) => batch.items);
    const lane = DEMO_PLATFORMS.indexOf('youtube');
    const { startTime, batchSize, intervalMs } = options;
    const times = (index: number): number =>
      startTime + ((Math.floor(index / batchSize) * DEMO_PLATFORMS.length + lane) * batchSize + (index % batchSize)) * intervalMs;
    expect(youtube).toEqual(generateDemoItems({ seed: 9, platform: 'youtube', startIndex: 0, count: youtube.length, times }));
    for (const item of all) expect(incomingItemSchema.safeParse(item).success).toBe(true);
  });
});
