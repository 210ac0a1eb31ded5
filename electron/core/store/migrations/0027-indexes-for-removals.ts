import type { Migration } from '../migrate';

/**
 * Indexes for what removing or deleting a thing must find, which no query of everyday use reads:
 * without them each removal walked whole tables that grow with the inbox.
 *
 * - A removed account deletes its conversations, and each conversation's notices and rule
 *   timers went with it through a pass over each table (by conversation, below).
 * - A deleted note takes the notices it queued (a mention, a hand-off): found by the note named
 *   in the notice's data, not by reading every notice's data.
 * - A removed teammate's notices go, and the messages they sent and the replies they queued
 *   forget them (`ON DELETE SET NULL`): a million messages read for one removal.
 * - A deleted rule leaves its notes and queued sends without it, likewise.
 * The partial ones hold only the rows that name someone or something: ingest, which stores
 * messages from people and the rules' notes, pays for none of them but the notes a rule writes.
 */
export const indexesForRemovals: Migration = {
  version: 27,
  name: 'indexes for removals',
  up(db) {
    db.exec(`
      CREATE INDEX person_notices_by_conversation ON person_notices (conversation_seq) WHERE conversation_seq IS NOT NULL;
      CREATE INDEX person_notices_by_person ON person_notices (person_seq);
      CREATE INDEX person_notices_by_note ON person_notices (json_extract(data, '$.noteId')) WHERE json_extract(data, '$.noteId') IS NOT NULL;
      CREATE INDEX rule_timers_by_conversation ON rule_timers (conversation_seq);
      CREATE INDEX messages_by_sender ON messages (sent_by_person_seq) WHERE sent_by_person_seq IS NOT NULL;
      CREATE INDEX outbox_by_queuer ON outbox (queued_by_person_seq) WHERE queued_by_person_seq IS NOT NULL;
      CREATE INDEX outbox_by_rule ON outbox (rule_seq) WHERE rule_seq IS NOT NULL;
      CREATE INDEX notes_by_rule ON notes (rule_seq) WHERE rule_seq IS NOT NULL;
    `);
  },
};
