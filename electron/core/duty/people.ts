import { parseSchedule, type Schedule } from '../../../shared/schedule';
import { newId } from '../ids';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

export type PersonRow = { seq: number; id: string; is_me: number; name: string; schedule: string | null; accepts_urgent_off_duty: number; is_on_call: number };

export type Person = { seq: number; id: string; isMe: boolean; name: string; schedule: Schedule | null; acceptsUrgentOffDuty: boolean; isOnCall: boolean };

const toPerson = (row: PersonRow): Person => ({
  seq: row.seq,
  id: row.id,
  name: row.name,
  // Stored schedules were validated on the way in; parsing again keeps the type honest.
  schedule: row.schedule === null ? null : parseSchedule(JSON.parse(row.schedule)),
  acceptsUrgentOffDuty: row.accepts_urgent_off_duty === 1,
  isMe: row.is_me === 1,
  isOnCall: row.is_on_call === 1,
});

const PERSON_COLUMNS = 'seq, id, is_me, name, schedule, accepts_urgent_off_duty, is_on_call';

/** The person using this desktop, created on first need. */
export function me(db: Db, now: number): Person {
  const select = cachedStatement<[], PersonRow>(db, `SELECT ${PERSON_COLUMNS} FROM people WHERE is_me = 1`);
  // Read first: this runs for every ingest batch (the gate asks my duty), and a write there is not free.
  let row = select.get();
  if (!row) {
    cachedStatement(db, "INSERT INTO people (id, is_me, name, created_at, updated_at) VALUES (?, 1, '', ?, ?) ON CONFLICT DO NOTHING").run(newId(), now, now);
    row = select.get();
  }
  if (!row) throw new Error('The person using this desktop could not be created.');
  return toPerson(row);
}

export function setMySchedule(db: Db, schedule: Schedule | null, now: number): Person {
  const person = me(db, now);
  db.prepare('UPDATE people SET schedule = ?, updated_at = ? WHERE seq = ?').run(schedule === null ? null : JSON.stringify(schedule), now, person.seq);
  return me(db, now);
}

/** Everyone in the workspace, me first. */
export function listPeople(db: Db, now: number): Person[] {
  me(db, now);
  return db.prepare<[], PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people ORDER BY is_me DESC, name`).all().map(toPerson);
}

export function setMyPreferences(db: Db, preferences: { acceptsUrgentOffDuty?: boolean | undefined; isOnCall?: boolean | undefined }, now: number): Person {
  const person = me(db, now);
  const accepts = preferences.acceptsUrgentOffDuty ?? person.acceptsUrgentOffDuty;
  const onCall = preferences.isOnCall ?? person.isOnCall;
  db.prepare('UPDATE people SET accepts_urgent_off_duty = ?, is_on_call = ?, updated_at = ? WHERE seq = ?').run(accepts ? 1 : 0, onCall ? 1 : 0, now, person.seq);
  return me(db, now);
}
