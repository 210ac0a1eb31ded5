import { DEMO_ACCOUNTS } from '../../electron/core/connectors/demo/demoBrand';
import type { Core } from '../../electron/core/core';
import { ensureAccount } from '../../electron/core/store/accounts';
import type { Platform } from '../../shared/domain/platform';
import { benchBatches } from './benchItems';

/** Ingests the bench's demo rows through the core's real pipeline; returns what was stored and the time ingest itself took. */
export function ingestBench(core: Core, total: number): { inserted: number; ingestMs: number } {
  const { db } = core.context;
  const accounts = new Map<Platform, string>(DEMO_ACCOUNTS.map((account) => [account.platform, ensureAccount(db, { ...account, isDemo: true }, Date.now()).id]));
  let ingestMs = 0;
  let inserted = 0;
  for (const { platform, items } of benchBatches(total)) {
    const accountId = accounts.get(platform);
    if (!accountId) throw new Error(`No demo account for ${platform}`);
    const started = performance.now();
    inserted += core.context.ingest({ accountId, items, source: 'bench' }).inserted;
    ingestMs += performance.now() - started;
  }
  return { inserted, ingestMs };
}
