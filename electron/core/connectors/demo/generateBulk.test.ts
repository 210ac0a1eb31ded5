import { describe, expect, it } from 'vitest';
import { incomingItemSchema } from '../../../../shared/domain/incomingItem';
import { DEMO_PLATFORMS } from './demoBrand';
import { generateBulk } from './generateBulk';
import { generateDemoItems } from './generateDemoItems';

describe('generateBulk', () => {
  const options = { seed: 9, total: 1000, batchSize: 64, startTime: 1_760_000_000_000, intervalMs: 250 };
  const batches = [...generateBulk(options)];
  const all = batches.flat();

  it('yields the total in batches of batchSize', () => {
    expect(batches.map((batch) => batch.length)).toEqual([...Array<number>(15).fill(64), 40]);
  });

  it('round-robins over the demo platforms with increasing times', () => {
    expect(all.slice(0, 12).map((item) => item.platform)).toEqual([...DEMO_PLATFORMS, ...DEMO_PLATFORMS]);
    all.forEach((item, k) => expect(item.createdAt).toBe(options.startTime + k * options.intervalMs));
  });

  it('is the per-platform demo stream, item for item', () => {
    const youtube = all.filter((item) => item.platform === 'youtube');
    const lane = DEMO_PLATFORMS.indexOf('youtube');
    const times = (index: number): number => options.startTime + (index * DEMO_PLATFORMS.length + lane) * options.intervalMs;
    expect(youtube).toEqual(generateDemoItems({ seed: 9, platform: 'youtube', startIndex: 0, count: youtube.length, times }));
    for (const item of all) expect(incomingItemSchema.safeParse(item).success).toBe(true);
  });
});
