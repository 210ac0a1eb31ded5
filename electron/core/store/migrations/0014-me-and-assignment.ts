import type { Migration } from '../migrate';

/**
 * Small things a daily user trips on.
 *
 * - `people.signature`: the sign-off templates insert with `{{ me.signature }}`.
 * - `contacts.blocked_at`: when the author was blocked on their platform from Pieuvre, so the
 *   contact card and their messages say so. Until now the history line was the only record:
 *   it fills the column for blocks made before this version.
 * - `conversations_by_assignee`: "Assigned to me" is a range of it, both its page (newest
 *   first) and its count, instead of a walk over every open conversation. Partial: unassigned
 *   conversations (nearly all of them at ingest) cost it nothing.
 */
export const meAndAssignment: Migration = {
  version: 14,
  name: 'me and assignment',
  up(db) {
    db.exec(`
      ALTER TABLE people ADD COLUMN signature TEXT NOT NULL DEFAULT '' CHECK (length(signature) <= 500);

      ALTER TABLE contacts ADD COLUMN blocked_at INTEGER;
      UPDATE contacts SET blocked_at = blocks.at
      FROM (
        SELECT m.contact_seq, max(a.at) AS at FROM activity a
        JOIN messages m ON m.seq = CAST(a.data ->> '$.messageId' AS INTEGER)
        WHERE a.action = 'contact.blocked' GROUP BY m.contact_seq
      ) AS blocks
      WHERE contacts.seq = blocks.contact_seq;

      CREATE INDEX conversations_by_assignee ON conversations (assignee_id, status, last_message_at DESC, seq DESC) WHERE assignee_id IS NOT NULL;
    `);
  },
};
