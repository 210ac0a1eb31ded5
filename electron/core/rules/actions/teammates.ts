import type { DutyStanding } from '../../../../shared/api/duty';
import { activeOverride, dutyStatusOf } from '../../duty/dutyStatus';
import { PERSON_COLUMNS, toPerson, type Person, type PersonRow } from '../../duty/people';
import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';

/** Read-only look-ups (a dry run must not create "me" the way people.me does on first need). */
export const personById = (db: Db, id: string): Person | undefined => {
  const row = cachedStatement<[string], PersonRow>(db, `SELECT ${PERSON_COLUMNS} FROM people WHERE id = ?`).get(id);
  return row && toPerson(row);
};

export const meIfAny = (db: Db): Person | undefined => {
  const row = cachedStatement<[], PersonRow>(db, `SELECT ${PERSON_COLUMNS} FROM people WHERE is_me = 1`).get();
  return row && toPerson(row);
};

/** Everyone, in the order they joined: a round robin's turn goes round in this order. */
export const everyone = (db: Db): Person[] => cachedStatement<[], PersonRow>(db, `SELECT ${PERSON_COLUMNS} FROM people ORDER BY seq`).all().map(toPerson);

/** Where a person stands at `at`, overrides ("I'm off now", "I'm working now") included. */
export const dutyAt = (db: Db, person: Person, at: number): DutyStanding => dutyStatusOf(person, activeOverride(db, person, at), at);

export const openConversationsOf = (db: Db, personId: string): number =>
  cachedStatement<[string], { n: number }>(db, "SELECT count(*) AS n FROM conversations WHERE assignee_id = ? AND status = 'open'").get(personId)?.n ?? 0;
