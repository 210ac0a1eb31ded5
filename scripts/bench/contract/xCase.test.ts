import { describe, expect, it } from 'vitest';
import { memoryUsageMeter } from '../../../electron/core/accounts/usageMeter';
import { xSyncAll, xSyncRequest } from '../../../electron/core/connectors/x/contract/xTestKit';
import { xCase } from './xCase';

// The bench divides the connector's speed by the bare loop's: both must read the same items.
describe('X bench case', () => {
  it('the bare fetch loop reads as many items as a full sync through the connector', async () => {
    const run = await xCase.start(1_234);
    try {
      const connector = await run.factory.open(run.account, run.secret, { fetch, now: Date.now, saveSecret: async () => {}, app: null, usage: memoryUsageMeter() });
      const { pages } = await xSyncAll(connector, xSyncRequest({ backfillSince: 0 }));
      const synced = pages.reduce((sum, page) => sum + page.items.length, 0);
      expect(synced).toBeGreaterThan(1_234);
      // Each item it counts, it hands to the store of the ceiling's side, once.
      const stored: unknown[] = [];
      expect(await run.bareFetchLoop((items) => stored.push(...items))).toBe(synced);
      expect(new Set(stored.map((item) => (item as { id: string }).id)).size).toBe(synced);
      connector.close();
    } finally {
      await run.close();
    }
  });

  it('reads its 5,000 items round after round: the bench reads more than X’s 300 mentions pages and 15 DM pages a window', async () => {
    const run = await xCase.start(5_000);
    try {
      // 8 rounds of 50 mentions pages and one DM page of 100 (of 500): 400 and 8 requests (a full bench makes 600 and 12).
      for (let round = 0; round < 8; round++) expect(await run.bareFetchLoop()).toBe(5_100);
    } finally {
      await run.close();
    }
  });
});
