import type { DutyOverride, DutyStanding } from '../../../shared/api/duty';
import { isOnDuty, nextOffDuty, nextOnDuty, type Schedule } from '../../../shared/schedule';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import type { Person } from './people';

/** The override in force at `now`, the newest winning. */
export function activeOverride(db: Db, person: Person, now: number): DutyOverride | null {
  const row = cachedStatement<[number, number, number], { kind: 'off' | 'working'; ends_at: number }>(
    db,
    'SELECT kind, ends_at FROM duty_overrides WHERE person_seq = ? AND starts_at <= ? AND ends_at > ? ORDER BY seq DESC LIMIT 1',
  ).get(person.seq, now, now);
  return row ? { kind: row.kind, endsAt: row.ends_at } : null;
}

/**
 * Where a person stands: an override beats the schedule; no schedule means always on.
 * "I am working now" is working outside one's hours: inside them (hours saved since, or a shift
 * that began) it is not in force, so nothing says "outside your hours" while on the clock.
 */
export function dutyStatusOf(person: Pick<Person, 'schedule'>, override: DutyOverride | null, now: number): DutyStanding {
  const { schedule } = person;
  const hasSchedule = schedule !== null;
  if (override?.kind === 'off') {
    return { isOnDuty: false, hasSchedule, override, nextOffAt: now, nextOnAt: schedule ? nextOnDuty(schedule, override.endsAt) : override.endsAt };
  }
  if (!schedule) return { isOnDuty: true, hasSchedule, override: null, nextOnAt: now, nextOffAt: null };
  const isOn = isOnDuty(schedule, now);
  if (override?.kind === 'working' && !isOn) return { isOnDuty: true, hasSchedule, override, nextOnAt: now, nextOffAt: override.endsAt };
  return { isOnDuty: isOn, hasSchedule, override: null, nextOnAt: isOn ? now : nextOnDuty(schedule, now), nextOffAt: isOn ? nextOffDuty(schedule, now) : now };
}

const WORKING_OVERRIDE_MAX_MS = 12 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * When an override asked for now ends. "I'm off now" lasts until the next scheduled start
 * after the current shift (a day without a schedule); "I'm working now" until the next
 * scheduled start, at most 12 hours.
 */
export function overrideEnd(kind: 'off' | 'working', schedule: Schedule | null, now: number): number {
  if (kind === 'off') {
    const shiftEnd = schedule ? (nextOffDuty(schedule, now) ?? now) : now;
    const nextStart = schedule ? nextOnDuty(schedule, shiftEnd + 1) : null;
    return nextStart ?? now + DAY_MS;
  }
  const nextStart = schedule ? nextOnDuty(schedule, now) : null;
  return Math.min(nextStart !== null && nextStart > now ? nextStart : Infinity, now + WORKING_OVERRIDE_MAX_MS);
}
