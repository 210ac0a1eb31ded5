import { isDemoRemoved } from '../accounts/accountsSettings';
import { listAccounts } from '../store/accounts';
import type { Db } from '../store/database';

/**
 * A new user sees a living inbox: with no account at all, or with the demo workspace still
 * there from an earlier run, the demo runs. Someone who removed it does not get it back (at
 * start, nor after restoring a backup), even with no account left, until they start it again.
 */
export function isDemoWanted(db: Db): boolean {
  if (isDemoRemoved(db)) return false;
  const accounts = listAccounts(db);
  return accounts.length === 0 || accounts.some((account) => account.isDemo);
}
