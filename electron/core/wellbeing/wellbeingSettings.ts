import { BREAK_REMINDER_DEFAULT_MINUTES } from '../../../shared/api/wellbeing';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/** Minutes of continuous session before the break reminder (migration 8); 0: never. */
export function breakReminderMinutes(db: Db, personSeq: number): number {
  return (
    cachedStatement<[number], { break_reminder_minutes: number }>(db, 'SELECT break_reminder_minutes FROM people WHERE seq = ?').get(personSeq)?.break_reminder_minutes ??
    BREAK_REMINDER_DEFAULT_MINUTES
  );
}

export function setBreakReminderMinutes(db: Db, personSeq: number, minutes: number): void {
  cachedStatement<[number, number]>(db, 'UPDATE people SET break_reminder_minutes = ? WHERE seq = ?').run(minutes, personSeq);
}
