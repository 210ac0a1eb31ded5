import type { ApiEvents } from '../../../../shared/api/events';
import type { LoggedChange } from '../../hub/changeLog';
import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';
import { assigneeValue } from './changeValues';
import type { FieldVersion } from './syncState';

export type AlsoAssigned = ApiEvents['hub.alsoAssigned'];

/** Two people assigning one conversation this close together may not know of each other. */
export const ALSO_ASSIGNED_WITHIN_MS = 60_000;

const nameOf = (db: Db, personId: string | null) =>
  personId === null ? null : (cachedStatement<[string], string>(db, 'SELECT name AS assignee_name FROM people WHERE id = ?').pluck().get(personId) ?? personId);

/**
 * An assignment from the log, against the one before it in server order: made on another
 * desktop within a minute of it, both people hear of it. Every desktop reads the same log, so
 * both the one who pushed first and the one who pushed second see it, once.
 */
export function alsoAssigned(db: Db, conversationId: string, change: LoggedChange, previous: FieldVersion | undefined): AlsoAssigned | undefined {
  if (!previous || previous.desktopId === change.desktopId || Math.abs(change.madeAt - previous.madeAt) > ALSO_ASSIGNED_WITHIN_MS) return undefined;
  const now = assigneeValue.safeParse(change.value);
  const before = assigneeValue.safeParse(previous.value);
  if (!now.success || !before.success) return undefined;
  return {
    conversationId,
    by: now.data.by ?? change.authorRole,
    to: nameOf(db, now.data.personId),
    previousBy: before.data.by ?? previous.authorRole,
    previousTo: nameOf(db, before.data.personId),
  };
}
