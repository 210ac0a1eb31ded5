import type { Platform } from '../../../../shared/domain/platform';
import type { ItemTimes } from './demoStream';
import { hashString, mix32, randomFor } from './demoRandom';

export type DemoScheduleOptions = {
  seed: number;
  platform: Platform;
  /** When the demo workspace started: the backlog lies before it, live items after. */
  startedAt: number;
  backlogCount: number;
  backlogWindowMs: number;
  /** Live items per minute after startedAt; 0 for none. */
  ratePerMinute: number;
};

/** The time of items that never come: later than any clock will read. */
export const NEVER = 8_640_000_000_000_000;
const JITTER_STREAM = 0x7133;

/**
 * When each demo item appears: the backlog spread over [startedAt - window, startedAt), then
 * one item per 60 000 / ratePerMinute ms from startedAt. Item i sits at (i + jitter) slots,
 * jitter in [0, 1), so times wobble a little yet never go backwards.
 */
export function demoSchedule(options: DemoScheduleOptions): ItemTimes {
  const { startedAt, backlogCount, backlogWindowMs, ratePerMinute } = options;
  const salt = mix32(hashString(options.platform) ^ mix32(options.seed));
  const backlogSlotMs = backlogCount > 0 ? backlogWindowMs / backlogCount : 0;
  const liveSlotMs = ratePerMinute > 0 ? 60_000 / ratePerMinute : Infinity;
  return (index) => {
    const jitter = randomFor(salt, JITTER_STREAM, index).float();
    // Clamped at 0 for clocks that start near the epoch, as fake clocks in tests do.
    if (index < backlogCount) return Math.max(0, startedAt - backlogWindowMs + Math.floor((index + jitter) * backlogSlotMs));
    const time = startedAt + Math.floor((index - backlogCount + jitter) * liveSlotMs);
    return Number.isFinite(time) ? Math.min(time, NEVER) : NEVER;
  };
}
