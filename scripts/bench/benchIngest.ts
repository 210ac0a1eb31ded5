import { DEMO_ACCOUNTS } from '../../electron/core/connectors/demo/demoBrand';
import type { BulkBatch } from '../../electron/core/connectors/demo/generateBulk';
import type { Core } from '../../electron/core/core';
import { ensureAccount } from '../../electron/core/store/accounts';
import type { Platform } from '../../shared/domain/platform';
import { benchBatches } from './benchItems';

export type IngestBenchOptions = {
  /** The demo's accounts (the default), or the same accounts as real ones: a team syncs only real accounts' data. */
  isDemo?: boolean;
  /** Runs between batches, as a live core's event loop would run its other work (team sync...) between polls. */
  pause?: () => Promise<void>;
};

/** The demo's accounts on a core, by platform: as demo accounts (the default) or as real ones. */
export function benchAccounts(core: Core, isDemo = true): Map<Platform, string> {
  return new Map<Platform, string>(DEMO_ACCOUNTS.map((account) => [account.platform, ensureAccount(core.context.db, { ...account, isDemo }, Date.now()).id]));
}

/** One batch through the core's ingest: what it stored, its wall time and the CPU time it used (user and system, this process). */
export function ingestBatch(core: Core, accounts: Map<Platform, string>, { platform, items }: BulkBatch): { inserted: number; ms: number; cpuMs: number } {
  const accountId = accounts.get(platform);
  if (!accountId) throw new Error(`No demo account for ${platform}`);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const { inserted } = core.context.ingest({ accountId, items, source: 'bench' });
  const cpu = process.cpuUsage(cpuStarted);
  return { inserted, ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * Ingests the bench's demo rows through the core's real pipeline; returns what was stored, the
 * time ingest itself took, the CPU time it used: on a shared machine the wall time also counts
 * the waits for a core, the CPU time does not; and the wall time of the whole run, pauses
 * included (what else ran between batches).
 */
export async function ingestBench(core: Core, total: number, options: IngestBenchOptions = {}): Promise<{ inserted: number; ingestMs: number; ingestCpuMs: number; wallMs: number }> {
  const accounts = benchAccounts(core, options.isDemo ?? true);
  let ingestMs = 0;
  let ingestCpuMs = 0;
  let inserted = 0;
  const runStarted = performance.now();
  for (const batch of benchBatches(total)) {
    const measured = ingestBatch(core, accounts, batch);
    ingestMs += measured.ms;
    ingestCpuMs += measured.cpuMs;
    inserted += measured.inserted;
    await options.pause?.();
  }
  return { inserted, ingestMs, ingestCpuMs, wallMs: performance.now() - runStarted };
}
