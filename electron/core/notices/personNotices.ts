import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

export type PersonNotice = {
  personSeq: number;
  kind: 'rule' | 'mention' | 'handoff';
  conversationSeq: number | null;
  /** What the person reads, already in words (a rule's name, who mentioned them). */
  text: string;
  data?: Record<string, unknown>;
  /** Not before this time: the start of the person's next shift when they are off duty now. */
  deliverAfter: number;
};

/**
 * Keeps something to tell a person, inside the caller's transaction. Delivery (a notification
 * for the person at this desktop, once they are on duty) reads `person_notices_pending`.
 */
export function queuePersonNotice(db: Db, notice: PersonNotice, now: number): void {
  cachedStatement(db, 'INSERT INTO person_notices (person_seq, kind, conversation_seq, text, data, created_at, deliver_after) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    notice.personSeq,
    notice.kind,
    notice.conversationSeq,
    notice.text,
    JSON.stringify(notice.data ?? {}),
    now,
    notice.deliverAfter,
  );
}
