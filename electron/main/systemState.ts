import type { SystemState } from '../core/utilityMessages';

/** The part of Electron's powerMonitor this uses. */
export type PowerEvents = { on(event: 'suspend' | 'resume', listener: () => void): unknown };

/** How often main asks whether the network is there: Electron's `net` tells it only when asked. */
export const ONLINE_CHECK_MS = 15_000;

/**
 * Tells the core whenever the computer sleeps or wakes, or the network goes or comes back, so
 * that no account syncs for nothing and all sync soon after (see followSystemState in the core).
 * Returns what stops the network checks.
 */
export function watchSystemState(
  power: PowerEvents,
  isOnline: () => boolean,
  send: (state: SystemState) => void,
  every: (ms: number, run: () => void) => () => void = repeat,
): () => void {
  let last: SystemState = { type: 'system', isAsleep: false, isOnline: isOnline() };
  const update = (change: Partial<Pick<SystemState, 'isAsleep' | 'isOnline'>>) => {
    const next = { ...last, ...change };
    if (next.isAsleep === last.isAsleep && next.isOnline === last.isOnline) return;
    last = next;
    send(next);
  };
  if (!last.isOnline) send(last);
  power.on('suspend', () => update({ isAsleep: true }));
  power.on('resume', () => update({ isAsleep: false, isOnline: isOnline() }));
  return every(ONLINE_CHECK_MS, () => update({ isOnline: isOnline() }));
}

function repeat(ms: number, run: () => void): () => void {
  const timer = setInterval(run, ms);
  timer.unref();
  return () => clearInterval(timer);
}
