import { DAY_MS } from './dutyIntervals';
import { onDutyIntervalsBetween, onDutyMsBetween } from './dutyQueries';
import type { Schedule } from './scheduleSchema';

const MINUTE_MS = 60_000;
/** A schedule with no on-duty time for this long is taken as never open again (the "next" questions' horizon). */
const HORIZON_MS = 400 * DAY_MS;
/** How much of the calendar one step reads: a week keeps the day cache small and few steps per answer. */
const STEP_MS = 7 * DAY_MS;

/**
 * The instant when `minutes` of on-duty time have passed since `from`: "no reply after 30
 * working minutes" counts only the hours the schedule is open, across nights, weekends,
 * holidays and DST changes (a 23- or 25-hour day counts what it really has). No schedule:
 * every minute counts. Null when the schedule is never open again (400 days without duty).
 */
export function addWorkingMinutes(schedule: Schedule | null, from: number, minutes: number): number | null {
  if (schedule === null || minutes <= 0) return from + Math.max(0, minutes) * MINUTE_MS;
  let remaining = minutes * MINUTE_MS;
  let lastOnDuty = from;
  for (let cursor = from; cursor - lastOnDuty <= HORIZON_MS; cursor += STEP_MS) {
    for (const [start, end] of onDutyIntervalsBetween(schedule, cursor, cursor + STEP_MS)) {
      if (remaining <= end - start) return start + remaining;
      remaining -= end - start;
      lastOnDuty = end;
    }
  }
  return null;
}

/** The on-duty minutes in [from, to) (fractions kept); with no schedule, every minute. */
export function workingMinutesBetween(schedule: Schedule | null, from: number, to: number): number {
  if (to <= from) return 0;
  return (schedule === null ? to - from : onDutyMsBetween(schedule, from, to)) / MINUTE_MS;
}
