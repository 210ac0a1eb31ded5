import { isOnDuty, nextOffDuty, nextOnDuty } from '../../../shared/schedule';
import { activeOverride, dutyStatusOf } from '../duty/dutyStatus';
import type { Person } from '../duty/people';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/**
 * My last time off duty: when it began (`from`) and when it ended (`until`, null while it
 * lasts). `isCapped`: I was already off at the start of the window, so it began earlier.
 */
export type OffPeriod = { from: number; until: number | null; isCapped: boolean };

/** Every instant in (floor, now] where my schedule turns on or off. */
function scheduleEdges(person: Person, floor: number, now: number): number[] {
  const { schedule } = person;
  if (!schedule) return [];
  const edges: number[] = [];
  for (let at = floor; ; ) {
    const next = isOnDuty(schedule, at) ? nextOffDuty(schedule, at) : nextOnDuty(schedule, at);
    if (next === null || next > now) return edges;
    edges.push(next);
    at = next;
  }
}

/** Every instant in (floor, now] where one of my overrides starts or ends. */
function overrideEdges(db: Db, person: Person, floor: number, now: number): number[] {
  return cachedStatement<[number, number, number], { starts_at: number; ends_at: number }>(
    db,
    'SELECT starts_at, ends_at FROM duty_overrides WHERE person_seq = ? AND ends_at > ? AND starts_at <= ?',
  )
    .all(person.seq, floor, now)
    .flatMap((row) => [row.starts_at, row.ends_at])
    .filter((at) => at > floor && at <= now);
}

/**
 * The last off period in [floor, now], from my schedule and overrides exactly as duty status
 * decides at each instant (an override beats the schedule; no schedule is always on). Duty
 * only changes at a schedule or override edge, so walking those edges in order sees every
 * change. Null if I was on duty all along.
 */
export function lastOffPeriod(db: Db, person: Person, floor: number, now: number): OffPeriod | null {
  const isOnAt = (at: number) => dutyStatusOf(person, activeOverride(db, person, at), at).isOnDuty;
  const edges = [...new Set([...scheduleEdges(person, floor, now), ...overrideEdges(db, person, floor, now)])].sort((a, b) => a - b);
  let isOn = isOnAt(floor);
  let period: OffPeriod | null = isOn ? null : { from: floor, until: null, isCapped: true };
  for (const at of edges) {
    const isOnNow = isOnAt(at);
    if (isOn && !isOnNow) period = { from: at, until: null, isCapped: false };
    else if (!isOn && isOnNow && period) period = { ...period, until: at };
    isOn = isOnNow;
  }
  return period;
}
