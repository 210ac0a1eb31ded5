import { listAccounts } from '../store/accounts';
import type { Db } from '../store/database';

/**
 * A new user sees a living inbox: with no account at all, or with the demo workspace still
 * there from an earlier run, the demo runs. Someone who removed it and connected real accounts
 * does not get it back (at start, nor after restoring a backup).
 */
export function isDemoWanted(db: Db): boolean {
  const accounts = listAccounts(db);
  return accounts.length === 0 || accounts.some((account) => account.isDemo);
}
