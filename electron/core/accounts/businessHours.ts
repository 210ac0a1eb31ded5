import type { AccountBusinessHours } from '../../../shared/api/businessHours';
import { ApiFailure } from '../../../shared/api/result';
import { isOnDuty, parseSchedule, type Schedule } from '../../../shared/schedule';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/**
 * Whether an account is within its business hours at `at`. An account with no business hours
 * set is always within them: away replies go out only where hours say the brand is closed.
 */
export const isWithinBusinessHours = (hours: Schedule | null, at: number): boolean => hours === null || isOnDuty(hours, at);

type HoursRow = { id: string; business_hours: string | null };
// Stored hours were validated on the way in; parsing again keeps the type honest.
const toHours = (row: HoursRow): AccountBusinessHours => ({ accountId: row.id, schedule: row.business_hours === null ? null : parseSchedule(JSON.parse(row.business_hours)) });

export function listBusinessHours(db: Db): AccountBusinessHours[] {
  return db.prepare<[], HoursRow>('SELECT id, business_hours FROM accounts ORDER BY created_at, platform').all().map(toHours);
}

/** One account's hours; not_found for an account that is not connected. */
export function businessHoursOf(db: Db, accountId: string): Schedule | null {
  const row = cachedStatement<[string], HoursRow>(db, 'SELECT id, business_hours FROM accounts WHERE id = ?').get(accountId);
  if (!row) throw new ApiFailure('not_found', `There is no connected account with id "${accountId}".`);
  return toHours(row).schedule;
}

export function setBusinessHours(db: Db, accountId: string, schedule: Schedule | null, now: number): AccountBusinessHours {
  businessHoursOf(db, accountId);
  db.prepare('UPDATE accounts SET business_hours = ?, updated_at = ? WHERE id = ?').run(schedule === null ? null : JSON.stringify(schedule), now, accountId);
  return { accountId, schedule: businessHoursOf(db, accountId) };
}
