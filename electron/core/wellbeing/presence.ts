import { Temporal } from 'temporal-polyfill';
import { mergeIntervals } from '../../../shared/schedule';
import type { Person } from '../duty/people';
import { zoneOf } from '../duty/personZone';
import type { Db } from '../store/database';
import { offDutyIntervals, overridesBetween } from './ledgerDuty';
import { hasBreakSince, insertEntry, latestSession, updateSession, type Session } from './wellbeingLog';

/** The app reports presence about once a minute; a late or missed heartbeat does not end a session. */
export const SESSION_CONTINUES_WITHIN_MS = 3 * 60_000;
/** A pause at least this long, wholly within my hours and within one day, is a break taken. */
export const BREAK_GAP_MS = 10 * 60_000;

/**
 * Turns one heartbeat into the ledger's sessions: the latest session grows to `now` when the
 * previous heartbeat is recent and no break was taken since; otherwise a new session starts,
 * and the pause before it may count as a break. Each stretch is split on/off duty as it is
 * recorded, with my hours and overrides at that time.
 */
export function recordPresence(db: Db, person: Person, now: number): Session {
  const last = latestSession(db, person.seq);
  // A repeated heartbeat, or a clock that stepped back: nothing new to count.
  if (last && now <= last.endedAt) return last;
  const isClosedByBreak = last !== null && hasBreakSince(db, person.seq, last.endedAt);
  if (last && !isClosedByBreak && now - last.endedAt <= SESSION_CONTINUES_WITHIN_MS) {
    const stretch = offDutyIntervals(person.schedule, overridesBetween(db, person.seq, last.endedAt, now), last.endedAt, now);
    const extended = { ...last, endedAt: now, offDuty: mergeIntervals([...last.offDuty, ...stretch]) };
    updateSession(db, extended);
    return extended;
  }
  if (last && !isClosedByBreak && isRestingPause(db, person, last.endedAt, now)) {
    insertEntry(db, person.seq, { kind: 'break', at: last.endedAt, durationMs: now - last.endedAt, data: { source: 'pause' } });
  }
  const seq = insertEntry(db, person.seq, { kind: 'session', at: now, data: { off: [] } });
  return { seq, startedAt: now, endedAt: now, offDuty: [] };
}

/**
 * A pause is a break when it is long enough, wholly on duty (time off is not a break from
 * work), and within one local day (a night away is not a break either, even without hours).
 */
function isRestingPause(db: Db, person: Person, from: number, to: number): boolean {
  if (to - from < BREAK_GAP_MS) return false;
  const zone = zoneOf(person);
  const dayOf = (at: number) => Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDate();
  if (!dayOf(from).equals(dayOf(to))) return false;
  return offDutyIntervals(person.schedule, overridesBetween(db, person.seq, from, to), from, to).length === 0;
}
