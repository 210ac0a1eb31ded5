import { mergeIntervals, onDutyIntervalsBetween, type Interval, type Schedule } from '../../../shared/schedule';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/**
 * The ledger's off-duty time within [from, to): outside my hours, or inside any override.
 * "I'm off now" is time off; "I'm working now" is after-hours work, which is exactly what the
 * ledger exists to make visible, so it counts as off duty too. Without hours: always on duty.
 */
export function offDutyIntervals(schedule: Schedule | null, overrides: readonly Interval[], from: number, to: number): Interval[] {
  if (to <= from) return [];
  const outsideHours: Interval[] = [];
  if (schedule) {
    let at = from;
    for (const [start, end] of onDutyIntervalsBetween(schedule, from, to)) {
      if (start > at) outsideHours.push([at, start]);
      at = end;
    }
    if (at < to) outsideHours.push([at, to]);
  }
  const clippedOverrides = overrides.map(([start, end]): Interval => [Math.max(start, from), Math.min(end, to)]);
  return mergeIntervals([...outsideHours, ...clippedOverrides]);
}

export const isOffDutyAt = (schedule: Schedule | null, overrides: readonly Interval[], at: number): boolean =>
  offDutyIntervals(schedule, overrides, at, at + 1).length > 0;

/** A person's overrides (of either kind) that overlap [from, to), including those already over. */
export function overridesBetween(db: Db, personSeq: number, from: number, to: number): Interval[] {
  return cachedStatement<[number, number, number], { starts_at: number; ends_at: number }>(
    db,
    'SELECT starts_at, ends_at FROM duty_overrides WHERE person_seq = ? AND ends_at > ? AND starts_at < ?',
  )
    .all(personSeq, from, to)
    .map((row): Interval => [row.starts_at, row.ends_at]);
}

/** Milliseconds of `intervals` inside [from, to). */
export const msWithin = (intervals: readonly Interval[], from: number, to: number): number =>
  intervals.reduce((total, [start, end]) => total + Math.max(0, Math.min(end, to) - Math.max(start, from)), 0);
