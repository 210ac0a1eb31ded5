import { describe, expect, it } from 'vitest';
import { memoryUsageMeter } from '../../../electron/core/accounts/usageMeter';
import { instagramCase } from './instagramCase';

// The bench case reads what the connector syncs: the same number of items through both paths
// (a small run; the bench itself seeds 5,000).

describe('Instagram bench case', () => {
  it('the bare loop and a full connector sync see the same items', async () => {
    const run = await instagramCase.start(600);
    try {
      // Each item it counts (a comment, a reply, a message), it hands to the store of the ceiling's side, once.
      const stored: unknown[] = [];
      const bare = await run.bareFetchLoop((items) => stored.push(...items));
      expect(new Set(stored.map((item) => (item as { id: string }).id)).size).toBe(bare);
      const io = { now: Date.now, fetch, saveSecret: () => Promise.resolve(), app: null, usage: memoryUsageMeter() };
      const connector = await run.factory.open(run.account, run.secret, io);
      let synced = 0;
      let cursors: Record<string, string> = {};
      for (let hasMore = true; hasMore; ) {
        const page = await connector.sync({ cursors, signal: AbortSignal.timeout(30_000), backfillSince: Date.now() - 7 * 86_400_000, recheck: [] });
        synced += page.items.length;
        cursors = Object.fromEntries(Object.entries({ ...cursors, ...page.cursors }).filter((entry): entry is [string, string] => entry[1] !== null));
        hasMore = page.hasMore;
      }
      expect(bare).toBeGreaterThan(500);
      expect(synced).toBe(bare);
      connector.close();
    } finally {
      await run.close();
    }
  });
});
