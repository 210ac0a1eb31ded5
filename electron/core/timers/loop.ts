import type { Logger } from '../log/logger';
import { retryDelayMs } from '../outbox/backoff';

/** However often a loop fails, it tries again at least this often. */
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * How long to wait after `failures` failures in a row of something that normally runs every
 * `everyMs`: the outbox's exponential backoff with jitter, from `everyMs` up to five minutes.
 */
export function delayAfterFailures(everyMs: number, failures: number, random: () => number = Math.random): number {
  const policy = { baseMs: everyMs, maxMs: Math.max(everyMs, MAX_BACKOFF_MS), maxAttempts: Infinity };
  return Math.max(everyMs, retryDelayMs(policy, failures, null, random()));
}

export type Loop = { stop(): void };

/**
 * Runs `run` every `everyMs` for as long as the core runs, never two at once: a slow run delays
 * the next instead of overlapping it. A run that throws or rejects is logged with the loop's
 * name and its count of failures in a row, and the loop backs off, then goes on.
 */
export function startLoop(options: { name: string; everyMs: number; log: Logger; run: () => unknown; random?: () => number }): Loop {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let isStopped = false;
  let failures = 0;
  const schedule = (ms: number) => {
    if (isStopped) return;
    timer = setTimeout(() => void tick(), ms);
    // A loop alone never keeps a process (a test, a closing harness) alive.
    timer.unref();
  };
  const tick = async () => {
    timer = null;
    let wait = options.everyMs;
    try {
      await options.run();
      failures = 0;
    } catch (error) {
      failures += 1;
      wait = delayAfterFailures(options.everyMs, failures, options.random);
      options.log.error(`${options.name} failed; trying again later.`, { loop: options.name, failures, retryInMs: wait, err: error });
    }
    schedule(wait);
  };
  schedule(options.everyMs);
  return {
    stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
