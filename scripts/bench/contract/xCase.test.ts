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
      expect(await run.bareFetchLoop()).toBe(synced);
      connector.close();
    } finally {
      await run.close();
    }
  });
});
