import type { DigestItem } from '../../../shared/api/digest';
import type { ConversationKind, ConversationStatus } from '../../../shared/domain/entities';
import type { Platform } from '../../../shared/domain/platform';
import { firstKeyAt, keyTime } from '../ingest/messageKey';
import type { Db } from '../store/database';
import { CONVERSATION_COLUMNS, CONVERSATION_JOINS, toContact, type ConversationRow } from '../store/rows';
import { cachedStatement } from '../store/statementCache';

/** The digest's queries, each read through an index (the test checks their plans). */
export const DIGEST_SQL = {
  // Conversations that arrived in the inbox in [from, to) (created_at is arrival: a weekend
  // fetched on Monday morning still counts as news), by the conversations_by_created range.
  newConversations: `SELECT platform, kind, count(*) AS count FROM conversations
    WHERE created_at >= ? AND created_at < ? AND status != 'spam' GROUP BY platform, kind ORDER BY platform, kind`,
  urgent: `SELECT ${CONVERSATION_COLUMNS}, count(*) OVER () AS total FROM conversations c ${CONVERSATION_JOINS}
    WHERE c.urgent_at >= ? AND c.urgent_at < ? ORDER BY c.urgent_at DESC LIMIT ?`,
  firstReplyAfter: `SELECT seq FROM messages WHERE conversation_seq = ? AND direction = 'out' AND seq >= ? ORDER BY seq LIMIT 1`,
  // By subject: the planner would otherwise take activity_by_action and walk every reply ever made.
  replyActor: `SELECT actor FROM activity INDEXED BY activity_by_subject WHERE subject_id = ? AND action = 'conversation.replied' AND data ->> '$.messageId' = ?`,
  firstClosedAfter: `SELECT at, actor FROM activity INDEXED BY activity_by_subject
    WHERE subject_id = ? AND at >= ? AND action = 'conversation.status' AND data ->> '$.status' IN ('done', 'spam') ORDER BY at LIMIT 1`,
  // The latest assignment of each conversation in the period, kept if it is still mine.
  assignedTo: `SELECT ${CONVERSATION_COLUMNS}, x.at AS assigned_at, x.actor AS assigned_by, count(*) OVER () AS total
    FROM (SELECT subject_id, max(at) AS at, actor FROM activity
          WHERE action = 'conversation.assigned' AND at >= ? AND at < ? AND data ->> '$.assigneeId' = ? GROUP BY subject_id) x
    JOIN conversations c ON c.id = x.subject_id ${CONVERSATION_JOINS}
    WHERE c.assignee_id = ? ORDER BY x.at DESC LIMIT ?`,
  // Open conversations whose last message is theirs; each waits since its first message after
  // the brand's last reply (one probe of messages_outbound, one of messages_by_conversation).
  oldestWaiting: `SELECT ${CONVERSATION_COLUMNS}, w.waiting_key FROM (
      SELECT c.seq AS conversation_seq, (SELECT min(m.seq) FROM messages m WHERE m.conversation_seq = c.seq
        AND m.seq > coalesce((SELECT max(o.seq) FROM messages o WHERE o.conversation_seq = c.seq AND o.direction = 'out'), -1)) AS waiting_key
      FROM conversations c WHERE c.status = 'open' AND c.last_inbound_at >= c.last_message_at
      ORDER BY waiting_key LIMIT 1) w
    JOIN conversations c ON c.seq = w.conversation_seq ${CONVERSATION_JOINS} WHERE w.waiting_key IS NOT NULL`,
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

/** The brand's first reply in a conversation at or after `at`: its message id and time. */
export function firstReplyAfter(db: Db, conversationSeq: number, at: number): { messageId: string; at: number } | null {
  const row = cachedStatement<[number, number], { seq: number }>(db, DIGEST_SQL.firstReplyAfter).get(conversationSeq, firstKeyAt(at));
  return row ? { messageId: String(row.seq), at: keyTime(row.seq) } : null;
}

export const replyActor = (db: Db, conversationId: string, messageId: string): string | null =>
  cachedStatement<[string, string], { actor: string }>(db, DIGEST_SQL.replyActor).get(conversationId, messageId)?.actor ?? null;

export const firstClosedAfter = (db: Db, conversationId: string, at: number): { at: number; actor: string } | null =>
  cachedStatement<[string, number], { at: number; actor: string }>(db, DIGEST_SQL.firstClosedAfter).get(conversationId, at) ?? null;

export const assignedBetween = (db: Db, personId: string, from: number, to: number, limit: number) =>
  cachedStatement<[number, number, string, string, number], ConversationRow & { assigned_at: number; assigned_by: string; total: number }>(db, DIGEST_SQL.assignedTo).all(
    from,
    to,
    personId,
    personId,
    limit,
  );

export const oldestWaiting = (db: Db) => cachedStatement<[], ConversationRow & { waiting_key: number }>(db, DIGEST_SQL.oldestWaiting).get() ?? null;
