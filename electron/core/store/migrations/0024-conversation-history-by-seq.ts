import type { Migration } from '../migrate';

/**
 * A conversation's history lines found by the conversation's row key, not its text id.
 *
 * Rules write a history line for each action they take, inside ingest's transaction; the lines
 * land on conversations all over the inbox, so each one goes into a random place of the index
 * that finds a conversation's history. Keyed by a 36-character id, that index was three times
 * the size it is keyed by an integer, and a batch of ingest dirtied (then wrote out to the WAL
 * and the database) about three times the pages: measured, most of what a history line cost.
 *
 * - `activity.conversation_seq`: the conversation's `seq` for lines about a conversation
 *   (`subject_id` keeps its id, which team sync and exports use).
 * - `activity_by_conversation` finds them; `activity_by_subject` now keeps only the other lines
 *   (about accounts, messages, rules, the workspace, and a line whose conversation is unknown).
 * - Whatever writes a line about a conversation fills `conversation_seq` (the activity writer
 *   looks it up when not given). Not a trigger: a trigger on the table, even one whose WHEN is
 *   false, measured about half the cost of the insert itself.
 */
export const conversationHistoryBySeq: Migration = {
  version: 24,
  name: 'conversation history by seq',
  up(db) {
    db.exec(`
      ALTER TABLE activity ADD COLUMN conversation_seq INTEGER;
      UPDATE activity SET conversation_seq = (SELECT seq FROM conversations WHERE id = activity.subject_id) WHERE subject_type = 'conversation';
      DROP INDEX activity_by_subject;
      CREATE INDEX activity_by_subject ON activity (subject_id, at) WHERE conversation_seq IS NULL;
      CREATE INDEX activity_by_conversation ON activity (conversation_seq, at) WHERE conversation_seq IS NOT NULL;
    `);
  },
};
