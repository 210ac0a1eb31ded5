import type { Migration } from '../migrate';

/**
 * The "since you left" digest. Measured at 1M messages / 200k conversations.
 *
 * - `people.digest_dismissed_at`: when the person last closed the digest, so it opens by
 *   itself once per return to duty, and people without hours get "since you last read it".
 * - `conversations_by_created`: new conversations in a period are a range of it (200k:
 *   110 ms) instead of a walk over the period's messages (1M: 300 ms). Written once per new
 *   conversation, never updated.
 * - `activity_by_action`: "assigned to me in this period" reads the trail by action and time
 *   instead of scanning it. Activity is written per person action, not per message.
 * - `messages_outbound`: the brand's replies only (a quarter of the demo's messages). The
 *   oldest waiting conversation needs each open conversation's last reply: without it, every
 *   message of every such conversation was read (340 ms), with it one probe each (150 ms).
 *   It also finds the first reply after an item became urgent.
 * Ingest of 300k demo items with these indexes measured within the run-to-run noise.
 */
export const digest: Migration = {
  version: 8,
  name: 'digest',
  up(db) {
    db.exec(`
      ALTER TABLE people ADD COLUMN digest_dismissed_at INTEGER;
      CREATE INDEX conversations_by_created ON conversations (created_at);
      CREATE INDEX activity_by_action ON activity (action, at);
      CREATE INDEX messages_outbound ON messages (conversation_seq, seq) WHERE direction = 'out';
    `);
  },
};
