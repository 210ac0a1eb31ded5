import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryUsageMeter } from '../../../electron/core/accounts/usageMeter';
import { createCore } from '../../../electron/core/core';
import { ensureAccount } from '../../../electron/core/store/accounts';
import { runSyncPass } from '../../../electron/core/sync/syncPass';
import type { ContractSyncCase, ContractSyncRun } from './contractSyncCase';
import { ratioAtLatency, ratioByCpu, type MeasuredRound } from './ratioAtLatency';

/** `sync_ratio_contract`'s goal for each platform: Pieuvre's full sync at least this fast as the bare loop. */
export const SYNC_RATIO_CONTRACT_GOAL = 0.8;

/** What `ratioAtLatency` adds to each request in the bench's lines: a quick platform's answer (real ones take 100 to 500 ms). */
export const PAGE_LATENCY_MS = 100;

/**
 * One platform's measure: the median round of each side, in items per second, and their ratio;
 * beside it the same rounds by CPU time, and at `PAGE_LATENCY_MS` a request.
 */
export type ContractSyncResult = {
  platform: string;
  items: number;
  bare: number;
  requests: number;
  syncPerSecond: number;
  barePerSecond: number;
  ratio: number;
  cpuRatio: number;
  latencyRatio: number;
};

const median = (rounds: readonly MeasuredRound[]): MeasuredRound =>
  [...rounds].sort((a, b) => a.ms - b.ms)[Math.floor(rounds.length / 2)] ?? { count: 0, ms: 1, cpuMs: 1, requests: 0 };

/** Runs one side, counting its requests: both sides (and the connectors, through their `io.fetch`) use the global fetch. */
async function timed(run: () => Promise<number>): Promise<MeasuredRound> {
  const realFetch = globalThis.fetch;
  let requests = 0;
  globalThis.fetch = (...args: Parameters<typeof fetch>) => {
    requests += 1;
    return realFetch(...args);
  };
  try {
    const [started, cpuStarted] = [performance.now(), process.cpuUsage()];
    const count = await run();
    const cpu = process.cpuUsage(cpuStarted);
    return { count, ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, requests };
  } finally {
    globalThis.fetch = realFetch;
  }
}

/**
 * A full Pieuvre sync of the case's items into a fresh data folder: the case's connector, the
 * sync engine's own pass (every page through ingest, its cursors stored after each), as a newly
 * connected account's first sync. Returns how many items were stored.
 */
async function pieuvreSync(run: ContractSyncRun, dataDir: string): Promise<number> {
  const core = createCore({ dataDir });
  try {
    const { platform, externalId, handle, server } = run.account;
    const accountId = ensureAccount(core.context.db, { platform, externalId, name: handle, handle, server, isDemo: false }, Date.now()).id;
    const io = { now: Date.now, fetch, saveSecret: async () => {}, app: { clientId: 'bench', clientSecret: 'bench' }, usage: memoryUsageMeter() };
    const connector = await run.factory.open({ ...run.account, id: accountId }, run.secret, io);
    try {
      const summary = await runSyncPass(core.context, accountId, connector, { signal: AbortSignal.timeout(600_000), backfillSince: 0, onProgress: () => {}, onNotice: () => {} });
      return summary.inserted;
    } finally {
      connector.close();
    }
  } finally {
    core.close();
  }
}

/**
 * `sync_ratio_contract`: for each platform's case, its contract server seeded with `items`
 * items, then (after one untimed run of each, which warms both) `rounds` rounds alternating the
 * bare fetch loop and Pieuvre's full sync, so that a slow moment of the shared machine falls on
 * both alike; the median round of each is compared. Cases run one after the other.
 */
export async function benchContractSync(cases: readonly ContractSyncCase[], options: { items: number; rounds?: number }): Promise<ContractSyncResult[]> {
  const rounds = options.rounds ?? 5;
  const results: ContractSyncResult[] = [];
  for (const contractCase of cases) {
    const dir = mkdtempSync(join(tmpdir(), `pieuvre-contract-bench-${contractCase.platform}-`));
    const run = await contractCase.start(options.items);
    try {
      await run.bareFetchLoop();
      await pieuvreSync(run, join(dir, 'warm'));
      const bareRounds: MeasuredRound[] = [];
      const syncRounds: MeasuredRound[] = [];
      for (let round = 1; round <= rounds; round++) {
        bareRounds.push(await timed(() => run.bareFetchLoop()));
        syncRounds.push(await timed(() => pieuvreSync(run, join(dir, `round-${round}`))));
      }
      const [bare, synced] = [median(bareRounds), median(syncRounds)];
      const syncPerSecond = (synced.count / synced.ms) * 1000;
      const barePerSecond = (bare.count / bare.ms) * 1000;
      results.push({
        platform: contractCase.platform,
        items: synced.count,
        bare: bare.count,
        requests: synced.requests,
        syncPerSecond,
        barePerSecond,
        ratio: syncPerSecond / barePerSecond,
        cpuRatio: ratioByCpu(synced, bare),
        latencyRatio: ratioAtLatency(synced, bare, PAGE_LATENCY_MS),
      });
    } finally {
      await run.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

/** The bench table's lines for each platform: both speeds, then the ratio against its goal. */
export function contractSyncLines(results: readonly ContractSyncResult[]): { name: string; value: string; budget: string; isMet: boolean | null }[] {
  const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')}/s`;
  return results.flatMap((result) => [
    { name: `${result.platform}: bare fetch loop (${result.bare.toLocaleString('en')})`, value: perSecond(result.barePerSecond), budget: '', isMet: null },
    { name: `${result.platform}: sync + ingest (${result.items.toLocaleString('en')})`, value: perSecond(result.syncPerSecond), budget: '', isMet: null },
    { name: `sync_ratio_contract ${result.platform}`, value: result.ratio.toFixed(3), budget: `>= ${SYNC_RATIO_CONTRACT_GOAL}`, isMet: result.ratio >= SYNC_RATIO_CONTRACT_GOAL },
    { name: '  the same, by CPU time', value: result.cpuRatio.toFixed(3), budget: '', isMet: null },
    { name: `  at ${PAGE_LATENCY_MS} ms × ${result.requests} requests (floor)`, value: result.latencyRatio.toFixed(3), budget: '', isMet: null },
  ]);
}

/** For the `BENCH {json}` line: `{ facebook: 0.91, youtube: 0.87, … }`. */
export const contractSyncRatios = (results: readonly ContractSyncResult[]): Record<string, number> => Object.fromEntries(results.map((result) => [result.platform, Number(result.ratio.toFixed(3))]));
