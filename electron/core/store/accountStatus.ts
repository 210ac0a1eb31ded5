import type { AccountProblem } from '../../../shared/api/accounts';
import type { Db } from './database';
import { cachedStatement } from './statementCache';

/** What the accounts table keeps of how an account is doing (migration 15); the live rest is the sync engine's. */
export type AccountStatus = {
  id: string;
  server: string | null;
  isDemo: boolean;
  isPaused: boolean;
  needsReconnecting: boolean;
  disconnectedAt: number | null;
  syncIntervalMs: number;
  lastSyncAt: number | null;
  lastProblem: AccountProblem | null;
};

type AccountStatusRow = {
  id: string;
  server: string | null;
  is_demo: number;
  is_paused: number;
  needs_reconnecting: number;
  disconnected_at: number | null;
  sync_interval_ms: number;
  last_sync_at: number | null;
  last_problem: string | null;
};

const toStatus = (row: AccountStatusRow): AccountStatus => ({
  id: row.id,
  server: row.server,
  isDemo: row.is_demo === 1,
  isPaused: row.is_paused === 1,
  needsReconnecting: row.needs_reconnecting === 1,
  disconnectedAt: row.disconnected_at,
  syncIntervalMs: row.sync_interval_ms,
  lastSyncAt: row.last_sync_at,
  lastProblem: row.last_problem === null ? null : (JSON.parse(row.last_problem) as AccountProblem),
});

const STATUS_COLUMNS = 'id, server, is_demo, is_paused, needs_reconnecting, disconnected_at, sync_interval_ms, last_sync_at, last_problem';

export function accountStatuses(db: Db): Map<string, AccountStatus> {
  const rows = cachedStatement<[], AccountStatusRow>(db, `SELECT ${STATUS_COLUMNS} FROM accounts`).all();
  return new Map(rows.map((row) => [row.id, toStatus(row)]));
}

export function accountStatus(db: Db, accountId: string): AccountStatus | null {
  const row = cachedStatement<[string], AccountStatusRow>(db, `SELECT ${STATUS_COLUMNS} FROM accounts WHERE id = ?`).get(accountId);
  return row ? toStatus(row) : null;
}

/** Real accounts on these platforms whose connector should be open: not the demo, not paused, refused or disconnected. */
export function activeAccountIds(db: Db, platforms: ReadonlySet<string>): string[] {
  return cachedStatement<[string], string>(
    db,
    `SELECT id FROM accounts WHERE is_demo = 0 AND is_paused = 0 AND needs_reconnecting = 0 AND disconnected_at IS NULL
     AND platform IN (SELECT value FROM json_each(?)) ORDER BY created_at`,
  )
    .pluck()
    .all(JSON.stringify([...platforms]));
}

export function setPaused(db: Db, accountId: string, isPaused: boolean, now: number): void {
  cachedStatement<[number, number, string]>(db, 'UPDATE accounts SET is_paused = ?, updated_at = ? WHERE id = ?').run(isPaused ? 1 : 0, now, accountId);
}

export function setSyncInterval(db: Db, accountId: string, ms: number, now: number): void {
  cachedStatement<[number, number, string]>(db, 'UPDATE accounts SET sync_interval_ms = ?, updated_at = ? WHERE id = ?').run(ms, now, accountId);
}

/** The platform refused the account's token: it waits for the person to sign in again. */
export function markNeedsReconnecting(db: Db, accountId: string, problem: AccountProblem): void {
  cachedStatement<[string, number, string]>(db, 'UPDATE accounts SET needs_reconnecting = 1, last_problem = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(problem), problem.at, accountId);
}

/** A sign-in arrived for it (from the team's shared secrets): no longer waiting for one. */
export function clearNeedsReconnecting(db: Db, accountId: string, now: number): void {
  cachedStatement<[number, string]>(db, 'UPDATE accounts SET needs_reconnecting = 0, last_problem = NULL, updated_at = ? WHERE id = ? AND needs_reconnecting = 1').run(now, accountId);
}

/** Disconnected keeping its history: no token any more, its conversations stay. */
export function markDisconnected(db: Db, accountId: string, now: number): void {
  cachedStatement<[number, number, string]>(db, 'UPDATE accounts SET disconnected_at = ?, updated_at = ? WHERE id = ?').run(now, now, accountId);
}

/** A pass ended well: its notice (what it could not do, such as DMs) replaces the last problem, or clears it. */
export function recordSyncSuccess(db: Db, accountId: string, now: number, notice: AccountProblem | null = null): void {
  cachedStatement<[number, string | null, string]>(db, 'UPDATE accounts SET last_sync_at = ?, last_problem = ? WHERE id = ?').run(
    now,
    notice === null ? null : JSON.stringify(notice),
    accountId,
  );
}

export function recordProblem(db: Db, accountId: string, problem: AccountProblem): void {
  cachedStatement<[string, string]>(db, 'UPDATE accounts SET last_problem = ? WHERE id = ?').run(JSON.stringify(problem), accountId);
}
