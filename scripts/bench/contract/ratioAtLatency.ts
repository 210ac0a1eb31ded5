/** One side of `sync_ratio_contract` as a round measured it: items, wall and CPU time, requests made. */
export type MeasuredRound = { count: number; ms: number; cpuMs: number; requests: number };

/**
 * The ratio the same two rounds would give if every request waited `latencyMs` more, as a real
 * platform's do: the contract servers answer from memory in microseconds, so the bare loop
 * measures little beyond JSON parsing. Each side is charged its own requests one after the
 * other; the sync pass's read-ahead, which hides a page's ingest behind the next request, is
 * left out, so this is a floor of what that latency would give.
 */
export function ratioAtLatency(sync: MeasuredRound, bare: MeasuredRound, latencyMs: number): number {
  const perMs = (round: MeasuredRound) => round.count / (round.ms + round.requests * latencyMs);
  return perMs(sync) / perMs(bare);
}

/** The ratio by CPU time (the process's, contract server included on both sides): apart from the waits for a core a busy machine adds. */
export const ratioByCpu = (sync: MeasuredRound, bare: MeasuredRound): number => sync.count / sync.cpuMs / (bare.count / bare.cpuMs);
