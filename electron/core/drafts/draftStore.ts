import type { Draft, RepliesSince, TeammateReply } from '../../../shared/api/drafts';
import { ApiFailure } from '../../../shared/api/result';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

type DraftRow = { conversation_id: string; text: string; started_at: number; updated_at: number };

const toDraft = (row: DraftRow): Draft => ({ conversationId: row.conversation_id, text: row.text, startedAt: row.started_at, updatedAt: row.updated_at });

function conversationSeq(db: Db, conversationId: string): number {
  const row = cachedStatement<[string], { seq: number }>(db, 'SELECT seq FROM conversations WHERE id = ?').get(conversationId);
  if (!row) throw new ApiFailure('not_found', `No conversation with id ${conversationId}.`);
  return row.seq;
}

export function getDraft(db: Db, conversationId: string): Draft | null {
  const row = cachedStatement<[string], DraftRow>(
    db,
    'SELECT c.id AS conversation_id, d.text, d.started_at, d.updated_at FROM drafts d JOIN conversations c ON c.seq = d.conversation_seq WHERE c.id = ?',
  ).get(conversationId);
  return row ? toDraft(row) : null;
}

/** Keeps the text; a new draft starts now, an existing one keeps when it began. `isNew` tells the list's mark to change. */
export function saveDraft(db: Db, conversationId: string, text: string, now: number): { draft: Draft; isNew: boolean } {
  return db.transaction(() => {
    const seq = conversationSeq(db, conversationId);
    const isNew = cachedStatement<[number], { n: number }>(db, 'SELECT count(*) AS n FROM drafts WHERE conversation_seq = ?').get(seq)?.n === 0;
    cachedStatement(
      db,
      `INSERT INTO drafts (conversation_seq, text, started_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (conversation_seq) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
    ).run(seq, text, now, now);
    const draft = getDraft(db, conversationId);
    if (!draft) throw new Error(`The draft of ${conversationId} was saved but cannot be read back.`);
    return { draft, isNew };
  })();
}

/** Whether there was a draft to clear. */
export function clearDraft(db: Db, conversationId: string): boolean {
  return cachedStatement<[string]>(db, 'DELETE FROM drafts WHERE conversation_seq = (SELECT seq FROM conversations WHERE id = ?)').run(conversationId).changes > 0;
}

/** Read through indexes: outbox_by_conversation, and messages_outbound for this conversation's own replies. */
export const REPLIES_SINCE_SQL = `SELECT count(*) AS count, max(at) AS latest_at FROM (
       SELECT o.created_at AS at FROM outbox o
       WHERE o.conversation_seq = @seq AND o.created_at > @since AND o.kind IN ('reply', 'away_reply') AND o.state <> 'cancelled' AND o.idempotency_key <> @exceptKey
       UNION ALL
       SELECT m.received_at FROM messages m
       WHERE m.conversation_seq = @seq AND m.direction = 'out' AND m.received_at > @since
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.conversation_seq = m.conversation_seq AND o.sent_external_id = m.external_id)
     )`;

/**
 * Replies recorded in the conversation after `since`: outbox rows queued then (a reply or an away
 * reply, whatever became of it but a cancel), and outgoing messages no outbox row accounts for
 * (written on the platform itself). A sent outbox row and its message are one reply, counted once;
 * a reply queued before `since` was known when the person began, even if it goes out later.
 */
export function repliesSince(db: Db, query: { conversationId: string; since: number; exceptKey: string }): RepliesSince {
  const seq = conversationSeq(db, query.conversationId);
  const row = cachedStatement<[{ seq: number; since: number; exceptKey: string }], { count: number; latest_at: number | null }>(
    db,
    REPLIES_SINCE_SQL,
  ).get({ seq, since: query.since, exceptKey: query.exceptKey });
  return { count: row?.count ?? 0, latestAt: row?.latest_at ?? null };
}

/**
 * A teammate's replies in the conversation: outbox rows someone else queued (a reply, whatever
 * became of it but a cancel; sent, at its sending) and outgoing messages sent by someone else
 * through Pieuvre (a teammate since removed keeps their name). Read through the conversation's indexes.
 */
export const TEAMMATE_REPLY_SQL = `SELECT name, at FROM (
       SELECT p.name AS name, max(o.created_at, coalesce(o.sent_at, 0)) AS at FROM outbox o JOIN people p ON p.seq = o.queued_by_person_seq
       WHERE o.conversation_seq = @seq AND o.created_at > @since AND o.kind = 'reply' AND o.state <> 'cancelled' AND p.is_me = 0
       UNION ALL
       SELECT coalesce(nullif(p.name, ''), m.sent_by_name) AS name, m.created_at AS at FROM messages m LEFT JOIN people p ON p.seq = m.sent_by_person_seq
       WHERE m.conversation_seq = @seq AND m.direction = 'out' AND m.created_at > @since AND m.sent_by_kind = 'person' AND coalesce(p.is_me, 0) = 0
     ) WHERE name IS NOT NULL ORDER BY at DESC LIMIT 1`;

export function teammateReplySince(db: Db, query: { conversationId: string; since: number }): TeammateReply | null {
  const seq = conversationSeq(db, query.conversationId);
  return cachedStatement<[{ seq: number; since: number }], TeammateReply>(db, TEAMMATE_REPLY_SQL).get({ seq, since: query.since }) ?? null;
}
