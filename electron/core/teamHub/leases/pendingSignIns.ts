import type { SignInChange } from '../../accounts/accountsService';
import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';

/**
 * Sign-ins changed on this desktop that the hub has not heard yet (migration 25): kept in
 * SQLite, so a desktop that quits or crashes before the hub answers still withdraws the account
 * at its next connection. An account's latest change replaces an older one.
 */

/** Synchronous, so that it commits (or not) with the disconnection that calls it. */
export function recordSignInChange(db: Db, accountId: string, change: SignInChange, at: number): void {
  cachedStatement<[string, string, number]>(
    db,
    'INSERT INTO hub_sign_ins (account_id, change, made_at) VALUES (?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET change = excluded.change, made_at = excluded.made_at',
  ).run(accountId, change, at);
}

/** Oldest first. */
export function pendingSignIns(db: Db): { accountId: string; change: SignInChange }[] {
  return cachedStatement<[], { accountId: string; change: SignInChange }>(db, 'SELECT account_id AS accountId, change FROM hub_sign_ins ORDER BY made_at, account_id').all();
}

export function isSignInPending(db: Db, accountId: string, change: SignInChange): boolean {
  return cachedStatement<[string, string], number>(db, 'SELECT 1 FROM hub_sign_ins WHERE account_id = ? AND change = ?').pluck().get(accountId, change) !== undefined;
}

/** The hub heard the change; one made since (the account changed again meanwhile) stays for next time. */
export function forgetSignInChange(db: Db, accountId: string, change: SignInChange): void {
  cachedStatement<[string, string]>(db, 'DELETE FROM hub_sign_ins WHERE account_id = ? AND change = ?').run(accountId, change);
}
