import type { Account } from '../../../shared/domain/entities';
import type { Platform } from '../../../shared/domain/platform';
import type { Cursors } from '../connectors/connector';
import { newId } from '../ids';
import type { Db } from './database';
import { cachedStatement } from './statementCache';

type AccountRow = { id: string; platform: string; external_id: string; name: string; handle: string; is_demo: number; created_at: number };

const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  platform: row.platform as Platform,
  externalId: row.external_id,
  name: row.name,
  handle: row.handle,
  isDemo: row.is_demo === 1,
  createdAt: row.created_at,
});

const ACCOUNT_COLUMNS = 'id, platform, external_id, name, handle, is_demo, created_at';

export function listAccounts(db: Db, options: { demoOnly?: boolean } = {}): Account[] {
  return db
    .prepare<[], AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ${options.demoOnly ? 'WHERE is_demo = 1' : ''} ORDER BY created_at, platform`)
    .all()
    .map(toAccount);
}

/** `server`: the PDS or instance it lives on; none for the demo and single-server platforms. */
export type NewAccount = { platform: Platform; externalId: string; name: string; handle: string; isDemo: boolean; server?: string | null };

/**
 * Creates the account, or returns the existing one for the same platform identity: signing in
 * again as the same identity is a reconnection, which brings it back from "needs reconnecting"
 * or "disconnected" with its history, and takes the name, handle and server it has now.
 */
export function ensureAccount(db: Db, account: NewAccount, now: number): Account {
  db.prepare(
    `INSERT INTO accounts (id, platform, external_id, name, handle, is_demo, server, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, external_id) DO UPDATE SET
       name = excluded.name, handle = excluded.handle, server = excluded.server,
       needs_reconnecting = 0, disconnected_at = NULL, updated_at = excluded.updated_at`,
  ).run(newId(), account.platform, account.externalId, account.name, account.handle, account.isDemo ? 1 : 0, account.server ?? null, now, now);
  const row = db.prepare<[string, string], AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE platform = ? AND external_id = ?`).get(account.platform, account.externalId);
  if (!row) throw new Error(`Account ${account.platform}/${account.externalId} was not created.`);
  return toAccount(row);
}

/** The account's named sync positions (see Connector.sync). */
export function cursorsOf(db: Db, accountId: string): Cursors {
  const rows = cachedStatement<[string], { name: string; value: string }>(db, 'SELECT c.name, c.value FROM account_cursors c JOIN accounts a ON a.seq = c.account_seq WHERE a.id = ?').all(accountId);
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}

/**
 * Stores what a sync page returned: a name left out keeps its value, null clears it. Called
 * after every page of a sync: its statements are compiled once, not per page.
 */
export function saveCursors(db: Db, accountId: string, cursors: Readonly<Record<string, string | null>>, now: number): void {
  const upsert = cachedStatement(
    db,
    `INSERT INTO account_cursors (account_seq, name, value, updated_at) SELECT seq, ?, ?, ? FROM accounts WHERE id = ?
     ON CONFLICT (account_seq, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const clear = cachedStatement(db, 'DELETE FROM account_cursors WHERE name = ? AND account_seq = (SELECT seq FROM accounts WHERE id = ?)');
  db.transaction(() => {
    for (const [name, value] of Object.entries(cursors)) {
      if (value === null) clear.run(name, accountId);
      else upsert.run(name, value, now, accountId);
    }
  })();
}

/**
 * Deletes these accounts and everything they brought: conversations, messages, posts and their
 * queued replies (cascades), their audit lines and quarantined items, then the contacts nothing
 * refers to any more. Returns how many accounts went.
 */
export function removeAccounts(db: Db, accountIds: readonly string[]): number {
  const ids = JSON.stringify(accountIds);
  return db.transaction(() => {
    db.prepare(
      `DELETE FROM activity WHERE conversation_seq IN (
         SELECT c.seq FROM conversations c JOIN accounts a ON a.seq = c.account_seq WHERE a.id IN (SELECT value FROM json_each(?)))`,
    ).run(ids);
    db.prepare('DELETE FROM activity WHERE conversation_seq IS NULL AND subject_id IN (SELECT value FROM json_each(?))').run(ids);
    db.prepare('DELETE FROM rejected_items WHERE account_id IN (SELECT value FROM json_each(?))').run(ids);
    const removed = db.prepare('DELETE FROM accounts WHERE id IN (SELECT value FROM json_each(?))').run(ids).changes;
    db.prepare(
      `DELETE FROM contacts WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.contact_seq = contacts.seq)
       AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.contact_seq = contacts.seq)`,
    ).run();
    db.prepare("DELETE FROM conversation_counts WHERE n = 0").run();
    return removed;
  })();
}

/** Deletes the demo accounts and everything they brought (see removeAccounts). */
export function removeDemoAccounts(db: Db): number {
  return removeAccounts(
    db,
    listAccounts(db, { demoOnly: true }).map((account) => account.id),
  );
}
