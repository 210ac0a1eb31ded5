import { Temporal } from 'temporal-polyfill';
import { extentOf, WEEKDAYS, type Schedule, type TimeRange } from './scheduleSchema';

/** [start, end) in epoch milliseconds. */
export type Interval = readonly [number, number];

export const DAY_MS = 86_400_000;

/** Sorted and non-overlapping: overlapping or touching intervals join; empty ones go. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (end <= start) continue;
    const previous = merged.at(-1);
    if (previous && start <= previous[1]) previous[1] = Math.max(previous[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

// Local times resolve as Temporal's "compatible" disambiguation does: a time skipped by a
// spring-forward moves forward by the gap (02:30 -> 03:30), a repeated one takes the earlier instant.
const instantOf = (date: Temporal.PlainDate, minutes: number, timeZone: string): number =>
  date
    .add({ days: Math.floor(minutes / 1440) })
    .toPlainDateTime({ hour: Math.floor((minutes % 1440) / 60), minute: minutes % 60 })
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;

/** The ranges that apply on a local date: a one-day exception first, then a dated range (last listed wins), then the week. */
function rangesOn(schedule: Schedule, date: Temporal.PlainDate): readonly TimeRange[] {
  const day = date.toString();
  const single = schedule.exceptions.findLast((exception) => 'date' in exception && exception.date === day);
  if (single) return single.ranges;
  const spanning = schedule.exceptions.findLast((exception) => 'from' in exception && exception.from <= day && day <= exception.to);
  if (spanning) return spanning.ranges;
  return schedule.weekly[WEEKDAYS[date.dayOfWeek - 1] ?? 'mon'];
}

const cache = new WeakMap<Schedule, Map<string, Interval[]>>();

/** The on-duty instants of the ranges that start on a local date (overnight ones end the next day). Empty ones (inside a DST gap) vanish. */
export function intervalsOn(schedule: Schedule, date: Temporal.PlainDate): Interval[] {
  const byDate = cache.get(schedule) ?? new Map<string, Interval[]>();
  cache.set(schedule, byDate);
  const key = date.toString();
  const cached = byDate.get(key);
  if (cached) return cached;
  const intervals = rangesOn(schedule, date)
    .map((range): Interval => {
      const [from, to] = extentOf(range);
      return [instantOf(date, from, schedule.timeZone), instantOf(date, to, schedule.timeZone)];
    })
    .filter(([start, end]) => end > start);
  byDate.set(key, intervals);
  return intervals;
}

export const localDateOf = (schedule: Schedule, at: number): Temporal.PlainDate =>
  Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(schedule.timeZone).toPlainDate();

export const startOfDay = (schedule: Schedule, date: Temporal.PlainDate): number => instantOf(date, 0, schedule.timeZone);

/** Every interval that can contain `at`: those starting on its local day and the day before (overnight). */
export const intervalsAround = (schedule: Schedule, at: number): Interval[] => {
  const today = localDateOf(schedule, at);
  return [...intervalsOn(schedule, today.subtract({ days: 1 })), ...intervalsOn(schedule, today)];
};
