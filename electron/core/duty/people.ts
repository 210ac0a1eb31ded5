import { parseSchedule, type Schedule } from '../../../shared/schedule';
import { newId } from '../ids';
import type { Db } from '../store/database';

export type PersonRow = { seq: number; id: string; name: string; schedule: string | null; accepts_urgent_off_duty: number };

export type Person = { seq: number; id: string; name: string; schedule: Schedule | null; acceptsUrgentOffDuty: boolean };

const toPerson = (row: PersonRow): Person => ({
  seq: row.seq,
  id: row.id,
  name: row.name,
  // Stored schedules were validated on the way in; parsing again keeps the type honest.
  schedule: row.schedule === null ? null : parseSchedule(JSON.parse(row.schedule)),
  acceptsUrgentOffDuty: row.accepts_urgent_off_duty === 1,
});

/** The person using this desktop, created on first need. */
export function me(db: Db, now: number): Person {
  db.prepare("INSERT INTO people (id, is_me, name, created_at, updated_at) VALUES (?, 1, '', ?, ?) ON CONFLICT DO NOTHING").run(newId(), now, now);
  const row = db.prepare<[], PersonRow>('SELECT seq, id, name, schedule, accepts_urgent_off_duty FROM people WHERE is_me = 1').get();
  if (!row) throw new Error('The person using this desktop could not be created.');
  return toPerson(row);
}

export function setMySchedule(db: Db, schedule: Schedule | null, now: number): Person {
  const person = me(db, now);
  db.prepare('UPDATE people SET schedule = ?, updated_at = ? WHERE seq = ?').run(schedule === null ? null : JSON.stringify(schedule), now, person.seq);
  return me(db, now);
}
