import { describe, expect, it } from 'vitest';
import { memoryUsageMeter } from '../../../electron/core/accounts/usageMeter';
import { syncAll, syncRequest } from '../../../electron/core/testing/snacMastodon';
import { redditCase } from './redditCase';

// The bench case on a small inbox: the connector and the bare loop see the same items.

describe('Reddit sync_ratio_contract case', () => {
  it('the connector syncs every seeded item, as many as the bare loop reads', async () => {
    const run = await redditCase.start(250);
    try {
      const connector = await run.factory.open(run.account, run.secret, { fetch, now: Date.now, saveSecret: async () => {}, app: null, usage: memoryUsageMeter() });
      const { pages } = await syncAll(connector, syncRequest({ backfillSince: Date.now() - 30 * 86_400_000 }));
      connector.close();
      expect(pages.flatMap((page) => page.items)).toHaveLength(250);
      // Each item it counts, it hands to the store of the ceiling's side, once.
      const stored: unknown[] = [];
      expect(await run.bareFetchLoop((items) => stored.push(...items))).toBe(250);
      expect(new Set(stored.map((item) => (item as { data: { name: string } }).data.name)).size).toBe(250);
    } finally {
      await run.close();
    }
  });
});
