import type { Migration } from '../migrate';

/**
 * Real accounts: what a connected account, its sync and its messages need.
 *
 * - `accounts`: the server it lives on (a PDS, a Mastodon instance), paused by the person,
 *   refused by its platform (`needs_reconnecting`: sync stops, its outbox waits), its own sync
 *   interval, when it last synced and its last problem (JSON `{code, message, at}`), and when
 *   the person disconnected it keeping its history (no token any more; its conversations stay).
 * - `account_cursors`: several named positions per account (notifications, DMs, the backfill
 *   apart from the live one), replacing `accounts.poll_cursor` (the demo's moves to `stream`).
 * - `data_settings.backfill_days`: how far back a new account's first sync reads;
 *   `demo_removed_at`: the person removed the demo, which then never comes back by itself;
 *   `welcome_seen_at`: the first-start welcome was answered.
 * - `messages`: the platform reference a reply or moderation needs (JSON, the connector's own),
 *   attachments (JSON), when the author edited it, and when it was deleted on the platform (the
 *   message stays here, shown as deleted; `is_deleted` is set with it).
 * - `contacts`: what undoing a block needs (a Bluesky block record's URI), and when muted.
 */
export const realAccounts: Migration = {
  version: 15,
  name: 'real accounts',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN server TEXT;
      ALTER TABLE accounts ADD COLUMN is_paused INTEGER NOT NULL DEFAULT 0 CHECK (is_paused IN (0, 1));
      ALTER TABLE accounts ADD COLUMN needs_reconnecting INTEGER NOT NULL DEFAULT 0 CHECK (needs_reconnecting IN (0, 1));
      ALTER TABLE accounts ADD COLUMN sync_interval_ms INTEGER NOT NULL DEFAULT 60000 CHECK (sync_interval_ms BETWEEN 15000 AND 3600000);
      ALTER TABLE accounts ADD COLUMN last_sync_at INTEGER;
      ALTER TABLE accounts ADD COLUMN last_problem TEXT CHECK (last_problem IS NULL OR json_valid(last_problem));
      ALTER TABLE accounts ADD COLUMN disconnected_at INTEGER;

      CREATE TABLE account_cursors (
        account_seq INTEGER NOT NULL REFERENCES accounts (seq) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
        value TEXT NOT NULL CHECK (length(value) <= 4096),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (account_seq, name)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO account_cursors (account_seq, name, value, updated_at)
        SELECT seq, 'stream', poll_cursor, updated_at FROM accounts WHERE poll_cursor IS NOT NULL;
      ALTER TABLE accounts DROP COLUMN poll_cursor;

      ALTER TABLE data_settings ADD COLUMN backfill_days INTEGER NOT NULL DEFAULT 7 CHECK (backfill_days BETWEEN 1 AND 90);
      ALTER TABLE data_settings ADD COLUMN demo_removed_at INTEGER;
      ALTER TABLE data_settings ADD COLUMN welcome_seen_at INTEGER;

      ALTER TABLE messages ADD COLUMN platform_ref TEXT CHECK (platform_ref IS NULL OR json_valid(platform_ref));
      ALTER TABLE messages ADD COLUMN attachments TEXT CHECK (attachments IS NULL OR json_valid(attachments));
      ALTER TABLE messages ADD COLUMN edited_at INTEGER;
      ALTER TABLE messages ADD COLUMN deleted_at INTEGER;

      ALTER TABLE contacts ADD COLUMN block_ref TEXT;
      ALTER TABLE contacts ADD COLUMN muted_at INTEGER;
    `);
  },
};
