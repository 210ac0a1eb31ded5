import { setTimeout as sleep } from 'node:timers/promises';

/** One side of `sync_ratio_contract` as a round measured it: items, wall and CPU time, requests made. */
export type MeasuredRound = { count: number; ms: number; cpuMs: number; requests: number };

/**
 * Runs one side, counting its requests: both sides (and the connectors, through their `io.fetch`)
 * use the global fetch. With `latencyMs`, no answer comes back sooner than that after its request
 * was made, as from a platform across the continent: the contract servers answer from memory.
 *
 * The wait is counted from the call, not from when the server (in this process) reads the
 * request: a real platform starts on a request as soon as it leaves, while ingest holds this
 * thread, and the sync pass sees to it that its read-ahead leaves before ingest starts
 * (syncReadAhead.test.ts, against a server in another process). A delay inside the contract
 * server would start only once ingest let go of the thread.
 */
export async function measureRound(run: () => Promise<number>, latencyMs = 0): Promise<MeasuredRound> {
  const realFetch = globalThis.fetch;
  let requests = 0;
  globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
    requests += 1;
    const answersAt = performance.now() + latencyMs;
    const response = await realFetch(...args);
    const early = answersAt - performance.now();
    if (early > 0) await sleep(early);
    return response;
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

/** Items per second of `sync` over those of `bare`. */
export const ratioByWall = (sync: MeasuredRound, bare: MeasuredRound): number => sync.count / sync.ms / (bare.count / bare.ms);

/** The ratio by CPU time (the process's, contract server included on both sides): apart from the waits for a core a busy machine adds. */
export const ratioByCpu = (sync: MeasuredRound, bare: MeasuredRound): number => sync.count / sync.cpuMs / (bare.count / bare.cpuMs);
