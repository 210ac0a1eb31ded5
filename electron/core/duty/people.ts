import { notificationPreferencesSchema, type NotificationPreferences } from '../../../shared/api/team';
import { parseSchedule, type Schedule } from '../../../shared/schedule';
import { newId } from '../ids';
import { setFixedOnCall } from '../team/onCall';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

export type PersonRow = {
  seq: number;
  id: string;
  is_me: number;
  name: string;
  avatar_url: string | null;
  schedule: string | null;
  accepts_urgent_off_duty: number;
  is_on_call: number;
  notification_preferences: string;
  signature: string;
};

export type Person = {
  seq: number;
  id: string;
  isMe: boolean;
  name: string;
  avatarUrl: string | null;
  schedule: Schedule | null;
  acceptsUrgentOffDuty: boolean;
  /** The fixed on-call person (a rota, when active, decides instead: see team/onCall.ts). */
  isOnCall: boolean;
  notifications: NotificationPreferences;
  signature: string;
};

export const toPerson = (row: PersonRow): Person => ({
  seq: row.seq,
  id: row.id,
  name: row.name,
  avatarUrl: row.avatar_url,
  // Stored schedules were validated on the way in; parsing again keeps the type honest.
  schedule: row.schedule === null ? null : parseSchedule(JSON.parse(row.schedule)),
  acceptsUrgentOffDuty: row.accepts_urgent_off_duty === 1,
  isMe: row.is_me === 1,
  isOnCall: row.is_on_call === 1,
  // Defaults fill what older versions did not store.
  notifications: notificationPreferencesSchema.parse(JSON.parse(row.notification_preferences)),
  signature: row.signature,
});

export const PERSON_COLUMNS = 'seq, id, is_me, name, avatar_url, schedule, accepts_urgent_off_duty, is_on_call, notification_preferences, signature';

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

/** My name and signature, the fields given only. */
export function updateMe(db: Db, change: { name?: string | undefined; signature?: string | undefined }, now: number): Person {
  const person = me(db, now);
  db.prepare('UPDATE people SET name = ?, signature = ?, updated_at = ? WHERE seq = ?').run(change.name ?? person.name, change.signature ?? person.signature, now, person.seq);
  return me(db, now);
}

/** Everyone in the workspace, me first, then by name. */
export function listPeople(db: Db, now: number): Person[] {
  me(db, now);
  return cachedStatement<[], PersonRow>(db, `SELECT ${PERSON_COLUMNS} FROM people ORDER BY is_me DESC, name COLLATE NOCASE, seq`).all().map(toPerson);
}

/** "I am on call" makes me the one fixed on-call person (a rota goes out of force); unchecking it leaves a rota alone. */
export function setMyPreferences(db: Db, preferences: { acceptsUrgentOffDuty?: boolean | undefined; isOnCall?: boolean | undefined }, now: number): Person {
  const person = me(db, now);
  const accepts = preferences.acceptsUrgentOffDuty ?? person.acceptsUrgentOffDuty;
  db.prepare('UPDATE people SET accepts_urgent_off_duty = ?, updated_at = ? WHERE seq = ?').run(accepts ? 1 : 0, now, person.seq);
  if (preferences.isOnCall === true) setFixedOnCall(db, person.seq);
  if (preferences.isOnCall === false) db.prepare('UPDATE people SET is_on_call = 0 WHERE seq = ?').run(person.seq);
  return me(db, now);
}
