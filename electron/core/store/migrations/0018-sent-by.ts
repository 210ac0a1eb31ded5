import type { Migration } from '../migrate';

/**
 * Who sent each of the brand's messages, so the thread never says "You" for words the person
 * at this desktop did not write.
 *
 * - `messages.sent_by_kind`: 'person' (queued in Pieuvre by someone of the team), 'away_reply',
 *   'rule', or 'platform' (the brand account wrote it outside Pieuvre: sync found it). NULL for
 *   what people wrote to the brand.
 * - `messages.sent_by_person_seq`: that person while they are in the team;
 *   `messages.sent_by_name`: their name when it was sent (it outlives their removal; the demo's
 *   teammates are names only), or the rule's name.
 * - `outbox.queued_by_person_seq`: who queued a reply, handed on to its message once sent.
 *
 * Backfill: only the person at this desktop ever queued replies here, so a sent reply is theirs
 * and an away reply stays one; every other outgoing message came from outside Pieuvre, except
 * the demo's, which its made-up teammates answered (the names the demo uses from now on; its
 * corpus signs some replies "— Julie").
 */
export const sentBy: Migration = {
  version: 18,
  name: 'sent by',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN sent_by_kind TEXT CHECK (sent_by_kind IN ('person', 'away_reply', 'rule', 'platform'));
      ALTER TABLE messages ADD COLUMN sent_by_person_seq INTEGER REFERENCES people (seq) ON DELETE SET NULL;
      ALTER TABLE messages ADD COLUMN sent_by_name TEXT;
      ALTER TABLE outbox ADD COLUMN queued_by_person_seq INTEGER REFERENCES people (seq) ON DELETE SET NULL;

      UPDATE outbox SET queued_by_person_seq = (SELECT seq FROM people WHERE is_me = 1) WHERE kind = 'reply';

      UPDATE messages SET sent_by_kind = coalesce(
        (SELECT CASE o.kind WHEN 'away_reply' THEN 'away_reply' ELSE 'person' END FROM outbox o
         WHERE o.conversation_seq = messages.conversation_seq AND o.sent_external_id = messages.external_id AND o.kind IN ('reply', 'away_reply')
         ORDER BY o.kind = 'away_reply' DESC LIMIT 1),
        'platform')
      WHERE direction = 'out';
      UPDATE messages SET sent_by_person_seq = me.seq, sent_by_name = me.name
      FROM (SELECT seq, name FROM people WHERE is_me = 1) AS me
      WHERE messages.sent_by_kind = 'person';

      UPDATE messages SET sent_by_kind = 'person',
        sent_by_name = CASE WHEN instr(text, '— Julie') > 0 OR conversation_seq % 2 = 0 THEN 'Julie Gagnon' ELSE 'Alex Tremblay' END
      WHERE sent_by_kind = 'platform' AND account_seq IN (SELECT seq FROM accounts WHERE is_demo = 1);
    `);
  },
};
