import { BACKFILL_DAYS } from '../../../shared/api/accounts';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

// The workspace-wide parts of accounts, in data_settings' one row (migration 15).

/** How far back a new account's first sync reads. */
export function backfillDays(db: Db): number {
  return cachedStatement<[], number>(db, 'SELECT backfill_days FROM data_settings WHERE id = 1').pluck().get() ?? BACKFILL_DAYS.default;
}

export function setBackfillDays(db: Db, days: number): void {
  cachedStatement<[number]>(db, 'UPDATE data_settings SET backfill_days = ? WHERE id = 1').run(days);
}

/** The first-start welcome shows until it is answered, and never once a real account exists. */
export function shouldWelcome(db: Db): boolean {
  return (
    cachedStatement<[], number>(
      db,
      'SELECT welcome_seen_at IS NULL AND NOT EXISTS (SELECT 1 FROM accounts WHERE is_demo = 0) FROM data_settings WHERE id = 1',
    )
      .pluck()
      .get() === 1
  );
}

export function dismissWelcome(db: Db, now: number): void {
  cachedStatement<[number]>(db, 'UPDATE data_settings SET welcome_seen_at = coalesce(welcome_seen_at, ?) WHERE id = 1').run(now);
}

/** When the person removed the demo (it never comes back by itself: isDemoWanted), or null as they start it again. */
export function setDemoRemovedAt(db: Db, at: number | null): void {
  cachedStatement<[number | null]>(db, 'UPDATE data_settings SET demo_removed_at = ? WHERE id = 1').run(at);
}

export function isDemoRemoved(db: Db): boolean {
  return cachedStatement<[], number | null>(db, 'SELECT demo_removed_at FROM data_settings WHERE id = 1').pluck().get() != null;
}
