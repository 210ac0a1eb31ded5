import { afterEach, describe, expect, it } from 'vitest';
import { memoryUsageMeter } from '../../../electron/core/accounts/usageMeter';
import { runSyncPass } from '../../../electron/core/sync/syncPass';
import { addAccount } from '../../../electron/core/testing/itemBuilder';
import { createTestCore, type TestCore } from '../../../electron/core/testing/testCore';
import { facebookCase } from './facebookCase';
import type { ContractSyncRun } from './contractSyncCase';

// The bench case is fair only if both sides read the same items: the bare loop counts what the
// connector syncs through a real core, every seeded item once.

let run: ContractSyncRun | null = null;
let core: TestCore | null = null;
afterEach(async () => {
  core?.close();
  await run?.close();
});

describe('Facebook in sync_ratio_contract', () => {
  it('the bare fetch loop and the connector see the same seeded items', async () => {
    run = await facebookCase.start(600);
    // Each item it counts, it hands to the store of the ceiling's side, once.
    const stored: unknown[] = [];
    expect(await run.bareFetchLoop((items) => stored.push(...items))).toBe(600);
    expect(new Set(stored.map((item) => (item as { id: string }).id)).size).toBe(600);
    core = createTestCore();
    const accountId = addAccount(core.context.db, 'facebook', run.account.externalId);
    const connector = await run.factory.open(run.account, run.secret, { fetch, now: Date.now, saveSecret: async () => {}, app: null, usage: memoryUsageMeter() });
    const summary = await runSyncPass(core.context, accountId, connector, { signal: AbortSignal.timeout(20_000), backfillSince: Date.now() - 7 * 86_400_000, onProgress: () => {}, onNotice: () => {} });
    connector.close();
    expect(summary).toMatchObject({ inserted: 600, rejected: 0 });
  });
});
