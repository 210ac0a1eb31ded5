import { describe, expect, it } from 'vitest';
import { memoryUsageMeter } from '../../../electron/core/accounts/usageMeter';
import { TEST_APP } from '../../../electron/core/connectors/youtube/contract/youtubeTokenDesk';
import { youtubeCase } from './youtubeCase';

describe('YouTube case of sync_ratio_contract', () => {
  it('the connector and the bare loop see the same comments', async () => {
    const run = await youtubeCase.start(600);
    try {
      const connector = await run.factory.open(run.account, run.secret, { now: Date.now, fetch, saveSecret: async () => {}, app: TEST_APP, usage: memoryUsageMeter() });
      let cursors: Record<string, string> = {};
      let synced = 0;
      for (let pass = 0; pass < 50; pass++) {
        const page = await connector.sync({ cursors, signal: AbortSignal.timeout(10_000), backfillSince: Date.now() - 86_400_000, recheck: [] });
        synced += page.items.length;
        cursors = Object.fromEntries(Object.entries({ ...cursors, ...page.cursors }).filter((entry): entry is [string, string] => entry[1] !== null));
        if (!page.hasMore) break;
      }
      expect(synced).toBe(600);
      // Each comment it counts (thread or reply), it hands to the store of the ceiling's side, once.
      const stored: unknown[] = [];
      expect(await run.bareFetchLoop((items) => stored.push(...items))).toBe(600);
      expect(new Set(stored.map((item) => (item as { id: string }).id)).size).toBe(600);
    } finally {
      await run.close();
    }
  });
});
