import type { Migration } from '../migrate';

/**
 * The durable outbox: every send is a row before it is a network call, so a crash, a quit or
 * a lost connection never loses a reply, and the idempotency key keeps a retry from doubling it.
 * `not_before` is when the row may next be tried: the end of the undo delay, the scheduled
 * time, or the next retry. `needs_check` is a send that may have reached a platform which
 * cannot tell: never re-sent without the person's say.
 */
export const outbox: Migration = {
  version: 6,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        idempotency_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('reply', 'away_reply', 'moderation')),
        in_reply_to_external_id TEXT,
        conversation_seq INTEGER NOT NULL REFERENCES conversations (seq) ON DELETE CASCADE,
        text TEXT NOT NULL,
        -- What a moderation action acts on ({"action": "hide", "messageExternalId": ...}); {} for replies.
        payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled', 'needs_check')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        not_before INTEGER NOT NULL,
        scheduled_for INTEGER,
        last_error TEXT,
        sent_external_id TEXT,
        sent_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (not_before) WHERE state = 'queued';
      CREATE INDEX outbox_open ON outbox (state) WHERE state IN ('sending', 'failed', 'needs_check');
      CREATE INDEX outbox_by_conversation ON outbox (conversation_seq, created_at);
      ALTER TABLE people ADD COLUMN undo_send_ms INTEGER NOT NULL DEFAULT 10000 CHECK (undo_send_ms BETWEEN 0 AND 60000);
    `);
  },
};
