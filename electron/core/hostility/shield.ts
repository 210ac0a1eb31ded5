import { Temporal } from 'temporal-polyfill';
import type { ShieldStatus } from '../../../shared/api/shield';
import { ApiFailure } from '../../../shared/api/result';
import type { Db } from '../store/database';
import type { Person } from '../duty/people';
import { zoneOf } from '../duty/personZone';

/** Midnight today in the person's zone (their schedule's, else this machine's). */
function startOfToday(person: Person, now: number): number {
  return Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(zoneOf(person)).startOfDay().epochMilliseconds;
}

export function shieldStatus(db: Db, person: Person, now: number): ShieldStatus {
  const revealedToday =
    db
      .prepare<[number, number], { n: number }>("SELECT count(*) AS n FROM wellbeing_log WHERE person_seq = ? AND kind = 'hostile_revealed' AND at >= ?")
      .get(person.seq, startOfToday(person, now))?.n ?? 0;
  const budget = db.prepare<[number], { hostile_budget: number }>('SELECT hostile_budget FROM people WHERE seq = ?').get(person.seq)?.hostile_budget ?? 30;
  return { revealedToday, budget, isOverBudget: revealedToday >= budget };
}

/** Counts a reveal toward today's budget: once per message per day, however often it is reopened. */
export function revealHostile(db: Db, person: Person, messageSeq: number, now: number): ShieldStatus {
  const message = db.prepare<[number], { hostility: number }>('SELECT hostility FROM messages WHERE seq = ?').get(messageSeq);
  if (!message) throw new ApiFailure('not_found', `No message with id ${messageSeq}.`);
  const data = JSON.stringify({ messageSeq });
  const isCounted = db
    .prepare<[number, number, string], { 1: number }>("SELECT 1 FROM wellbeing_log WHERE person_seq = ? AND kind = 'hostile_revealed' AND at >= ? AND data = ?")
    .get(person.seq, startOfToday(person, now), data);
  if (!isCounted) db.prepare("INSERT INTO wellbeing_log (person_seq, kind, at, data) VALUES (?, 'hostile_revealed', ?, ?)").run(person.seq, now, data);
  return shieldStatus(db, person, now);
}
