import type { Migration } from '../migrate';

/**
 * A reply being written, one per conversation, so that switching conversations, closing the
 * window or restarting never loses it. An empty draft is no draft: clearing deletes the row,
 * so the list's "Draft" mark is an EXISTS on the primary key. `started_at` is when the person
 * began it: a reply reaching the conversation from elsewhere after that is one they have not
 * read yet. Deleting the conversation (or its account) deletes its draft.
 */
export const drafts: Migration = {
  version: 17,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        conversation_seq INTEGER PRIMARY KEY REFERENCES conversations (seq) ON DELETE CASCADE,
        text TEXT NOT NULL CHECK (text <> ''),
        started_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
