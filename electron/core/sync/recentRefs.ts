import type { PlatformRef, SyncRequest } from '../connectors/connector';
import { firstKeyAt } from '../ingest/messageKey';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/** How far back a pass offers messages to read again for edits and deletions, and how many at most. */
export const RECHECK_WINDOW_MS = 48 * 3_600_000;
export const RECHECK_LIMIT = 200;

/**
 * Keys sort by creation time (messageKey.ts), so the primary key's range is the time window,
 * walked newest first. `+` keeps SQLite off the (account, external id) index, which would read
 * every message the account ever had, then sort them, once a minute.
 */
export const RECENT_REFS_SQL = `SELECT m.external_id, m.platform_ref FROM messages m
  WHERE m.seq >= ? AND m.platform_ref IS NOT NULL AND +m.account_seq = (SELECT seq FROM accounts WHERE id = ?)
  ORDER BY m.seq DESC LIMIT ?`;

/** The account's recent messages with their platform reference, newest first, in one query. */
export function recentRefs(db: Db, accountId: string, now: number): SyncRequest['recheck'] {
  const rows = cachedStatement<[number, string, number], { external_id: string; platform_ref: string }>(db, RECENT_REFS_SQL).all(firstKeyAt(now - RECHECK_WINDOW_MS), accountId, RECHECK_LIMIT);
  return rows.map((row) => ({ externalId: row.external_id, ref: JSON.parse(row.platform_ref) as PlatformRef }));
}
