import { Temporal } from 'temporal-polyfill';
import { DAY_MS, intervalsAround, intervalsOn, localDateOf, mergeIntervals, startOfDay, type Interval } from './dutyIntervals';
import type { Schedule } from './scheduleSchema';

/** How far ahead the "next" questions look before answering null. */
const HORIZON_MS = 400 * DAY_MS;

/** On duty iff `at` lies in [start, end) of some range. */
export function isOnDuty(schedule: Schedule, at: number): boolean {
  return intervalsAround(schedule, at).some(([start, end]) => start <= at && at < end);
}

/** The earliest instant ≥ `at` when on duty (`at` itself when on duty now); null if none within 400 days. */
export function nextOnDuty(schedule: Schedule, at: number): number | null {
  if (isOnDuty(schedule, at)) return at;
  let best: number | null = null;
  let date = localDateOf(schedule, at).subtract({ days: 1 });
  // Ranges start no earlier than their day's midnight: once a day starts after the best
  // start found, no later day can beat it.
  while ((best === null || startOfDay(schedule, date) <= best) && startOfDay(schedule, date) <= at + HORIZON_MS) {
    for (const [start] of intervalsOn(schedule, date)) if (start > at && (best === null || start < best)) best = start;
    date = date.add({ days: 1 });
  }
  return best !== null && best - at <= HORIZON_MS ? best : null;
}

/** The earliest instant ≥ `at` when off duty (`at` itself when off now); null if on duty for all of the next 400 days. */
export function nextOffDuty(schedule: Schedule, at: number): number | null {
  let current = at;
  for (;;) {
    // Back-to-back ranges (Sunday night into Monday, an evening after an afternoon) chain.
    const end = intervalsAround(schedule, current).reduce<number | null>(
      (latest, [start, stop]) => (start <= current && current < stop && (latest === null || stop > latest) ? stop : latest),
      null,
    );
    if (end === null) return current;
    if (end - at > HORIZON_MS) return null;
    current = end;
  }
}

/** The on-duty stretches within [from, to): clipped, merged (back-to-back ranges join) and in order. */
export function onDutyIntervalsBetween(schedule: Schedule, from: number, to: number): Interval[] {
  if (to <= from) return [];
  const intervals: Interval[] = [];
  const last = localDateOf(schedule, to);
  for (let date = localDateOf(schedule, from).subtract({ days: 1 }); Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    intervals.push(...intervalsOn(schedule, date));
  }
  return mergeIntervals(intervals.map(([start, end]): Interval => [Math.max(start, from), Math.min(end, to)]));
}

/** Milliseconds on duty in [from, to). */
export function onDutyMsBetween(schedule: Schedule, from: number, to: number): number {
  return onDutyIntervalsBetween(schedule, from, to).reduce((total, [start, end]) => total + end - start, 0);
}

/** The ids of the people on duty at `at`, in the order given. */
export function whoIsOnDuty(people: readonly { id: string; schedule: Schedule }[], at: number): string[] {
  return people.filter((person) => isOnDuty(person.schedule, at)).map((person) => person.id);
}
