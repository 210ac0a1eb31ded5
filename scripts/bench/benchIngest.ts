import { DEMO_ACCOUNTS } from '../../electron/core/connectors/demo/demoBrand';
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

/**
 * Ingests the bench's demo rows through the core's real pipeline; returns what was stored, the
 * time ingest itself took, the CPU time it used (user and system, this process): on a shared
 * machine the wall time also counts the waits for a core, the CPU time does not; and the wall
 * time of the whole run, pauses included (what else ran between batches).
 */
export async function ingestBench(core: Core, total: number, options: IngestBenchOptions = {}): Promise<{ inserted: number; ingestMs: number; ingestCpuMs: number; wallMs: number }> {
  const { db } = core.context;
  const isDemo = options.isDemo ?? true;
  const accounts = new Map<Platform, string>(DEMO_ACCOUNTS.map((account) => [account.platform, ensureAccount(db, { ...account, isDemo }, Date.now()).id]));
  let ingestMs = 0;
  let ingestCpuMicros = 0;
  let inserted = 0;
  const runStarted = performance.now();
  for (const { platform, items } of benchBatches(total)) {
    const accountId = accounts.get(platform);
    if (!accountId) throw new Error(`No demo account for ${platform}`);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    inserted += core.context.ingest({ accountId, items, source: 'bench' }).inserted;
    const cpu = process.cpuUsage(cpuStarted);
    ingestMs += performance.now() - started;
    ingestCpuMicros += cpu.user + cpu.system;
    await options.pause?.();
  }
  return { inserted, ingestMs, ingestCpuMs: ingestCpuMicros / 1000, wallMs: performance.now() - runStarted };
}
