import type { DigestItem } from '../../../shared/api/digest';
import type { ConversationKind, ConversationStatus } from '../../../shared/domain/entities';
import type { Platform } from '../../../shared/domain/platform';
import type { Db } from '../store/database';
import { CONVERSATION_COLUMNS, CONVERSATION_JOINS, toContact, type ConversationRow } from '../store/rows';
import { cachedStatement } from '../store/statementCache';
import { needsAnswer } from '../../../shared/text/needsAnswer';

/** The digest's queries, each read through an index (the test checks their plans). */
export const DIGEST_SQL = {
  // Conversations that arrived in the inbox in [from, to) (created_at is arrival: a weekend
  // fetched on Monday morning still counts as news), by the conversations_by_created range.
  newConversations: `SELECT platform, kind, count(*) AS count FROM conversations
    WHERE created_at >= ? AND created_at < ? AND status != 'spam' GROUP BY platform, kind ORDER BY platform, kind`,
  urgent: `SELECT ${CONVERSATION_COLUMNS}, count(*) OVER () AS total FROM conversations c ${CONVERSATION_JOINS}
    WHERE c.urgent_at >= ? AND c.urgent_at < ? ORDER BY c.urgent_at DESC LIMIT ?`,
  // The brand's last message in a conversation, and what they wrote since (the candidates for an answer).
  lastReply: `SELECT max(seq) AS seq FROM messages WHERE conversation_seq = ? AND direction = 'out'`,
  inboundAfter: `SELECT seq, text FROM messages WHERE conversation_seq = ? AND seq > ? AND direction = 'in' AND is_deleted = 0 AND is_hidden = 0 ORDER BY seq`,
  lastClosed: `SELECT at, actor FROM activity INDEXED BY activity_by_conversation
    WHERE conversation_seq = (SELECT seq FROM conversations WHERE id = ?) AND action = 'conversation.status' AND data ->> '$.status' IN ('done', 'spam') ORDER BY at DESC LIMIT 1`,
  // The latest assignment of each conversation in the period, kept if it is still mine.
  assignedTo: `SELECT ${CONVERSATION_COLUMNS}, x.at AS assigned_at, x.actor AS assigned_by, count(*) OVER () AS total
    FROM (SELECT subject_id, max(at) AS at, actor FROM activity
          WHERE action = 'conversation.assigned' AND at >= ? AND at < ? AND data ->> '$.assigneeId' = ? GROUP BY subject_id) x
    JOIN conversations c ON c.id = x.subject_id ${CONVERSATION_JOINS}
    WHERE c.assignee_id = ? ORDER BY x.at DESC LIMIT ?`,
  // Open conversations whose last message is theirs, by when their first message after the
  // brand's last reply came (one probe of messages_outbound, one of messages_by_conversation),
  // a page at a time after the last key seen (a message key: one conversation's only): which of
  // them needs an answer is read from their words (needsAnswer).
  waitingCandidates: `SELECT c.seq AS conversation_seq, (SELECT min(m.seq) FROM messages m WHERE m.conversation_seq = c.seq
        AND m.seq > coalesce((SELECT max(o.seq) FROM messages o WHERE o.conversation_seq = c.seq AND o.direction = 'out'), -1)) AS waiting_key
      FROM conversations c WHERE c.status = 'open' AND c.last_inbound_at >= c.last_message_at AND waiting_key > ?
      ORDER BY waiting_key LIMIT ?`,
  conversation: `SELECT ${CONVERSATION_COLUMNS} FROM conversations c ${CONVERSATION_JOINS} WHERE c.seq = ?`,
} as const;

export const toDigestItem = (row: ConversationRow): DigestItem => ({
  id: row.id,
  platform: row.platform as Platform,
  kind: row.kind as ConversationKind,
  status: row.status as ConversationStatus,
  contact: toContact(row),
  snippet: row.snippet,
  snippetHostility: row.snippet_hostility,
});

export function newConversationCounts(db: Db, from: number, to: number): { platform: Platform; kind: ConversationKind; count: number }[] {
  return cachedStatement<[number, number], { platform: Platform; kind: ConversationKind; count: number }>(db, DIGEST_SQL.newConversations).all(from, to);
}

export const urgentBetween = (db: Db, from: number, to: number, limit: number) =>
  cachedStatement<[number, number, number], ConversationRow & { urgent_at: number; total: number }>(db, DIGEST_SQL.urgent).all(from, to, limit);

/** The brand's last message in a conversation; null if it never wrote there. */
export const lastReplySeq = (db: Db, conversationSeq: number): number | null =>
  cachedStatement<[number], { seq: number | null }>(db, DIGEST_SQL.lastReply).get(conversationSeq)?.seq ?? null;

/**
 * The first message that waits for the brand's answer: after its last reply, from someone,
 * neither deleted nor hidden, and saying something that needs an answer. Null: nothing waits.
 */
export function unansweredSince(db: Db, conversationSeq: number): number | null {
  const after = lastReplySeq(db, conversationSeq) ?? -1;
  const inbound = cachedStatement<[number, number], { seq: number; text: string }>(db, DIGEST_SQL.inboundAfter).all(conversationSeq, after);
  return inbound.find((message) => needsAnswer(message.text))?.seq ?? null;
}

export const lastClosed = (db: Db, conversationId: string): { at: number; actor: string } | null =>
  cachedStatement<[string], { at: number; actor: string }>(db, DIGEST_SQL.lastClosed).get(conversationId) ?? null;

export const assignedBetween = (db: Db, personId: string, from: number, to: number, limit: number) =>
  cachedStatement<[number, number, string, string, number], ConversationRow & { assigned_at: number; assigned_by: string; total: number }>(db, DIGEST_SQL.assignedTo).all(
    from,
    to,
    personId,
    personId,
    limit,
  );

const CANDIDATE_PAGE = 50;

/**
 * The open conversation waiting longest for an answer: emoji, thanks and what was hidden or
 * deleted wait for nothing. Candidates come in the order their first unanswered message
 * arrived; the one that needs an answer may come later in a thread, so the walk stops only
 * once no candidate left can have waited longer than the best found.
 */
export function oldestWaiting(db: Db): (ConversationRow & { waiting_key: number }) | null {
  let best: { conversationSeq: number; key: number } | null = null;
  // Keys are message keys: every one is above this.
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const page = cachedStatement<[number, number], { conversation_seq: number; waiting_key: number }>(db, DIGEST_SQL.waitingCandidates).all(after, CANDIDATE_PAGE);
    for (const candidate of page) {
      if (best && candidate.waiting_key >= best.key) return withConversation(db, best);
      const key = unansweredSince(db, candidate.conversation_seq);
      if (key !== null && (!best || key < best.key)) best = { conversationSeq: candidate.conversation_seq, key };
      after = candidate.waiting_key;
    }
    if (page.length < CANDIDATE_PAGE) return best && withConversation(db, best);
  }
}

function withConversation(db: Db, found: { conversationSeq: number; key: number }): (ConversationRow & { waiting_key: number }) | null {
  const row = cachedStatement<[number], ConversationRow>(db, DIGEST_SQL.conversation).get(found.conversationSeq);
  return row ? { ...row, waiting_key: found.key } : null;
}
