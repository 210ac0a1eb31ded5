import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryUsageMeter } from '../../../electron/core/accounts/usageMeter';
import { createCore } from '../../../electron/core/core';
import { ensureAccount } from '../../../electron/core/store/accounts';
import { runSyncPass } from '../../../electron/core/sync/syncPass';
import type { ContractSyncCase, ContractSyncRun } from './contractSyncCase';
import { measureRound, ratioByCpu, ratioByWall, type MeasuredRound } from './measuredRound';

/** `sync_ratio_contract`'s goal for each platform: Pieuvre's full sync at least this fast as the bare loop. */
export const SYNC_RATIO_CONTRACT_GOAL = 0.8;

/**
 * The latency of a platform's page in the second measure, an assumption: the reference pages
 * of Graph, the YouTube Data API, X and Reddit state no response times. A request from Québec
 * to their American data centres costs about 50–100 ms of round trip before the platform reads
 * a page of comments out of its own stores; real pages are said to take 100 to 500 ms.
 */
export const PAGE_LATENCY_MS = 150;

/**
 * One platform's measure: the median round of each side, in items per second, and their ratio,
 * from contract servers answering at once; beside it the same rounds by CPU time, the ceiling
 * any store has there (`rawStoreRound`), and the ratio of rounds where every answer waits
 * `PAGE_LATENCY_MS`.
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
  /** Answered at once, the bare loop that also inserts each item raw, over the bare loop alone: about the best any storing sync can do there. */
  ceiling: number;
  /** What each answer waited in the second measure, and the ratio there. */
  latencyMs: number;
  latencyRatio: number;
};

const median = (rounds: readonly MeasuredRound[]): MeasuredRound =>
  [...rounds].sort((a, b) => a.ms - b.ms)[Math.floor(rounds.length / 2)] ?? { count: 0, ms: 1, cpuMs: 1, requests: 0 };

/**
 * A full Pieuvre sync of the case's items into a fresh data folder: the case's connector, the
 * sync engine's own pass (every page through ingest, its cursors stored after each), as a newly
 * connected account's first sync. Only the pass is measured: opening a core (its migrations, the
 * secret store) and closing it (a backup) happen once a session, not once a sync.
 */
async function pieuvreRound(run: ContractSyncRun, dataDir: string, latencyMs: number): Promise<MeasuredRound> {
  const core = createCore({ dataDir });
  try {
    const { platform, externalId, handle, server } = run.account;
    const accountId = ensureAccount(core.context.db, { platform, externalId, name: handle, handle, server, isDemo: false }, Date.now()).id;
    // Through the global fetch at each call: the round puts its own in place while it is measured.
    const io = { now: Date.now, fetch: (...args: Parameters<typeof fetch>) => globalThis.fetch(...args), saveSecret: async () => {}, app: { clientId: 'bench', clientSecret: 'bench' }, usage: memoryUsageMeter() };
    const connector = await run.factory.open({ ...run.account, id: accountId }, run.secret, io);
    try {
      const pass = () => runSyncPass(core.context, accountId, connector, { signal: AbortSignal.timeout(600_000), backfillSince: 0, onProgress: () => {}, onNotice: () => {} });
      return await measureRound(async () => (await pass()).inserted, latencyMs);
    } finally {
      connector.close();
    }
  } finally {
    core.close();
  }
}

/**
 * The ceiling with the server answering at once: the bare loop, storing each item it counts as
 * one raw row (its JSON, one INSERT, a transaction a page), set up as the raw baseline of
 * `ingest_ratio` is: about the least a sync that keeps each page it reads can do. Pieuvre's,
 * which also normalises, checks, indexes for search, scores and runs the rules, cannot pass it.
 */
async function rawStoreRound(run: ContractSyncRun, path: string): Promise<MeasuredRound> {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE items (body TEXT NOT NULL)');
    const insert = db.prepare<[string]>('INSERT INTO items (body) VALUES (?)');
    const storePage = db.transaction((items: readonly unknown[]) => {
      for (const item of items) insert.run(JSON.stringify(item));
    });
    const round = await measureRound(() => run.bareFetchLoop(storePage));
    const rows = db.prepare<[], number>('SELECT count(*) FROM items').pluck().get();
    // A case that counted items without handing them over would make the ceiling the bare loop's own speed.
    if (rows !== round.count) throw new Error(`The ceiling's store kept ${String(rows)} items of the ${round.count} the bare loop counted.`);
    return round;
  } finally {
    db.close();
  }
}

/** `count` rounds taking each side in turn, so that a slow moment of the shared machine falls on all alike; the median of each side. */
async function alternateRounds<Side extends string>(count: number, sides: Record<Side, (round: number) => Promise<MeasuredRound>>): Promise<Record<Side, MeasuredRound>> {
  const measured = Object.entries<(round: number) => Promise<MeasuredRound>>(sides).map(([side, measure]) => ({ side, measure, rounds: [] as MeasuredRound[] }));
  for (let round = 1; round <= count; round++) for (const { measure, rounds } of measured) rounds.push(await measure(round));
  return Object.fromEntries(measured.map(({ side, rounds }) => [side, median(rounds)])) as Record<Side, MeasuredRound>;
}

/**
 * `sync_ratio_contract`: for each platform's case, its contract server seeded with `items`
 * items, then (after one untimed run of each, which warms both) `rounds` rounds of each side
 * with the server answering at once, then `latencyRounds` with every answer `latencyMs` late
 * (`PAGE_LATENCY_MS` unless told). Cases run one after the other.
 */
export async function benchContractSync(cases: readonly ContractSyncCase[], options: { items: number; rounds?: number; latencyMs?: number; latencyRounds?: number }): Promise<ContractSyncResult[]> {
  const rounds = options.rounds ?? 5;
  const results: ContractSyncResult[] = [];
  for (const contractCase of cases) {
    const dir = mkdtempSync(join(tmpdir(), `pieuvre-contract-bench-${contractCase.platform}-`));
    const run = await contractCase.start(options.items);
    try {
      await run.bareFetchLoop();
      await pieuvreRound(run, join(dir, 'warm'), 0);
      const { bare, synced, stored } = await alternateRounds(rounds, {
        bare: () => measureRound(() => run.bareFetchLoop()),
        synced: (round) => pieuvreRound(run, join(dir, `round-${round}`), 0),
        stored: (round) => rawStoreRound(run, join(dir, `raw-${round}.db`)),
      });
      const latencyMs = options.latencyMs ?? PAGE_LATENCY_MS;
      // Fewer rounds with the waits: they dwarf the machine's noise, and a round of 5,000 items takes seconds of them.
      const atLatency = await alternateRounds(options.latencyRounds ?? 3, {
        bare: () => measureRound(() => run.bareFetchLoop(), latencyMs),
        synced: (round) => pieuvreRound(run, join(dir, `latency-${round}`), latencyMs),
      });
      const syncPerSecond = (synced.count / synced.ms) * 1000;
      const barePerSecond = (bare.count / bare.ms) * 1000;
      results.push({
        platform: contractCase.platform,
        items: synced.count,
        bare: bare.count,
        requests: synced.requests,
        syncPerSecond,
        barePerSecond,
        ratio: ratioByWall(synced, bare),
        cpuRatio: ratioByCpu(synced, bare),
        ceiling: ratioByWall(stored, bare),
        latencyMs,
        latencyRatio: ratioByWall(atLatency.synced, atLatency.bare),
      });
    } finally {
      await run.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

/**
 * The bench table's lines for each platform: both speeds and their ratio answered at once, with
 * the ceiling any store has there; then the measure, at a platform's latency, against its goal.
 * The goal is judged there because answered at once even the ceiling, a bare loop that only
 * inserts each item's JSON, stays under 0.8 on most platforms.
 */
export function contractSyncLines(results: readonly ContractSyncResult[]): { name: string; value: string; budget: string; isMet: boolean | null }[] {
  const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')}/s`;
  return results.flatMap((result) => [
    { name: `${result.platform}: bare fetch loop (${result.bare.toLocaleString('en')}), answered at once`, value: perSecond(result.barePerSecond), budget: '', isMet: null },
    { name: `${result.platform}: sync + ingest (${result.items.toLocaleString('en')}), answered at once`, value: perSecond(result.syncPerSecond), budget: '', isMet: null },
    { name: '  their ratio', value: result.ratio.toFixed(3), budget: '', isMet: null },
    { name: '  the same, by CPU time', value: result.cpuRatio.toFixed(3), budget: '', isMet: null },
    { name: '  ceiling: the bare loop inserting each item raw', value: result.ceiling.toFixed(3), budget: '', isMet: null },
    { name: `sync_ratio_contract ${result.platform}, ${result.latencyMs} ms a request (${result.requests})`, value: result.latencyRatio.toFixed(3), budget: `>= ${SYNC_RATIO_CONTRACT_GOAL}`, isMet: result.latencyRatio >= SYNC_RATIO_CONTRACT_GOAL },
  ]);
}

/** For the `BENCH {json}` line: `{ facebook: 0.91, youtube: 0.87, … }`, answered at once, its ceiling, or at the latency. */
export const contractSyncRatios = (results: readonly ContractSyncResult[], which: 'ratio' | 'ceiling' | 'latencyRatio' = 'ratio'): Record<string, number> =>
  Object.fromEntries(results.map((result) => [result.platform, Number(result[which].toFixed(3))]));
