import type { Migration } from '../migrate';

/**
 * Away replies: what each account answers, once per conversation per off period, to a message
 * that arrives outside its business hours. The row with no account is the workspace's default,
 * for every account without its own row (there is exactly one: the migration makes it, off).
 * A deleted template leaves `template_seq` NULL: nothing is sent until another is chosen.
 * The replies themselves are outbox rows of kind 'away_reply'; their idempotency key is the
 * conversation and the off period, so the same period never gets a second one.
 */
export const awayReplies: Migration = {
  version: 11,
  name: 'away replies',
  up(db) {
    db.exec(`
      CREATE TABLE away_reply_settings (
        seq INTEGER PRIMARY KEY,
        account_seq INTEGER UNIQUE REFERENCES accounts (seq) ON DELETE CASCADE,
        is_enabled INTEGER NOT NULL CHECK (is_enabled IN (0, 1)),
        template_seq INTEGER REFERENCES templates (seq) ON DELETE SET NULL,
        includes_comments INTEGER NOT NULL DEFAULT 0 CHECK (includes_comments IN (0, 1)),
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX away_reply_settings_one_default ON away_reply_settings ((account_seq IS NULL)) WHERE account_seq IS NULL;
      INSERT INTO away_reply_settings (account_seq, is_enabled, template_seq, includes_comments, updated_at) VALUES (NULL, 0, NULL, 0, 0);
    `);
  },
};
