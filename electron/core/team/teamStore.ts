import type { z } from 'zod';
import type { personInputSchema, personUpdateSchema } from '../../../shared/api/team';
import { ApiFailure } from '../../../shared/api/result';
import { PERSON_COLUMNS, toPerson, type Person, type PersonRow } from '../duty/people';
import { newId } from '../ids';
import { prepareActivityWriter } from '../store/activity';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

export type PersonInput = z.output<typeof personInputSchema>;
export type PersonUpdate = z.output<typeof personUpdateSchema>;

const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

/** The person, or a not_found failure naming the id. */
export function existingPerson(db: Db, id: string): Person {
  const row = cachedStatement<[string], PersonRow>(db, `SELECT ${PERSON_COLUMNS} FROM people WHERE id = ?`).get(id);
  if (!row) throw new ApiFailure('not_found', `There is no person with id "${id}" in this workspace.`);
  return toPerson(row);
}

export function addPerson(db: Db, input: PersonInput, now: number): Person {
  const id = newId();
  db.prepare(
    `INSERT INTO people (id, is_me, name, avatar_url, schedule, accepts_urgent_off_duty, notification_preferences, created_at, updated_at)
     VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, input.name, input.avatarUrl, json(input.schedule), input.acceptsUrgentOffDuty ? 1 : 0, JSON.stringify(input.notifications), now, now);
  return existingPerson(db, id);
}

/** Changes only the fields given. */
export function updatePerson(db: Db, update: PersonUpdate, now: number): Person {
  const person = existingPerson(db, update.id);
  db.prepare(
    'UPDATE people SET name = ?, avatar_url = ?, schedule = ?, accepts_urgent_off_duty = ?, notification_preferences = ?, updated_at = ? WHERE seq = ?',
  ).run(
    update.name ?? person.name,
    update.avatarUrl === undefined ? person.avatarUrl : update.avatarUrl,
    json(update.schedule === undefined ? person.schedule : update.schedule),
    (update.acceptsUrgentOffDuty ?? person.acceptsUrgentOffDuty) ? 1 : 0,
    JSON.stringify(update.notifications ?? person.notifications),
    now,
    person.seq,
  );
  return existingPerson(db, update.id);
}

/**
 * Removes a teammate: their conversations become unassigned (on the record, each one), and
 * they leave the rota and any fixed on-call duty with their row. Me cannot be removed.
 */
export function removePerson(db: Db, id: string, now: number): { person: Person; unassignedIds: string[] } {
  const person = existingPerson(db, id);
  if (person.isMe) throw new ApiFailure('conflict', 'You cannot remove yourself from the workspace.');
  return db.transaction(() => {
    const unassignedIds = db
      .prepare<[number, string], { id: string }>('UPDATE conversations SET assignee_id = NULL, updated_at = ? WHERE assignee_id = ? RETURNING id')
      .all(now, id)
      .map((row) => row.id);
    const record = prepareActivityWriter(db);
    for (const conversationId of unassignedIds) {
      record({ at: now, actor: 'me', action: 'conversation.unassigned', subjectType: 'conversation', subjectId: conversationId, data: { from: person.name, reason: 'removed from the team' } });
    }
    db.prepare('DELETE FROM people WHERE seq = ?').run(person.seq);
    return { person, unassignedIds };
  })();
}

/** The seqs of the given people, in the given order; not_found names the first unknown id. */
export function personSeqsOf(db: Db, ids: readonly string[]): number[] {
  return ids.map((id) => existingPerson(db, id).seq);
}
