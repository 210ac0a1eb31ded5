import { z } from 'zod';
import type { AwaySkipReason } from '../../../shared/api/awayReplies';
import type { ConversationKind, ConversationStatus } from '../../../shared/domain/entities';
import type { EarlierAwayReply } from './decideAwayReply';
import { prepareActivityWriter } from '../store/activity';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/** The history's actor for everything away replies do. */
export const AWAY_ACTOR = 'away_reply';

/** What an away reply's outbox row keeps beside its text: the off period it answers. */
const payloadSchema = z.strictObject({ periodStart: z.number().int().min(0) });
export type AwayPayload = z.output<typeof payloadSchema>;

export function parseAwayPayload(json: string): AwayPayload {
  const parsed = payloadSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`Unreadable away-reply payload: ${json}`);
  return parsed.data;
}

/** The idempotency key: one per conversation per off period, so a second trigger is the same row. */
export const awayReplyKey = (conversationId: string, periodStart: number): string => `away:${conversationId}:${periodStart}`;

export type MessageFacts = { conversationId: string; accountId: string; kind: ConversationKind; status: ConversationStatus; hostility: number };

export function messageFacts(db: Db, messageSeq: number): MessageFacts | null {
  return (
    cachedStatement<[number], MessageFacts>(
      db,
      `SELECT c.id AS conversationId, a.id AS accountId, c.kind, c.status, m.hostility
       FROM messages m JOIN conversations c ON c.seq = m.conversation_seq JOIN accounts a ON a.seq = c.account_seq WHERE m.seq = ?`,
    ).get(messageSeq) ?? null
  );
}

/** The away replies this conversation already has (sent, waiting or cancelled): the off period each answered, and when it was queued. */
export function earlierAwayReplies(db: Db, conversationId: string): EarlierAwayReply[] {
  return cachedStatement<[string], { payload: string; created_at: number }>(
    db,
    `SELECT o.payload, o.created_at FROM outbox o JOIN conversations c ON c.seq = o.conversation_seq WHERE c.id = ? AND o.kind = 'away_reply'`,
  )
    .all(conversationId)
    .map((row) => ({ periodStart: parseAwayPayload(row.payload).periodStart, at: row.created_at }));
}

/**
 * When someone last answered by hand: an outbound message that is neither an away reply nor a
 * rule's (sent from Pieuvre or straight from the platform), or a reply of theirs going out right
 * now (in its undo delay or being sent; a reply scheduled for later does not answer the person now).
 */
export function lastHumanReplyAt(db: Db, conversationId: string): number | null {
  return (
    cachedStatement<[{ id: string }], { at: number | null }>(
      db,
      `SELECT max(at) AS at FROM (
         SELECT max(m.created_at) AS at FROM messages m WHERE m.direction = 'out' AND m.conversation_seq = (SELECT seq FROM conversations WHERE id = @id)
           -- An away reply is known by the line recorded with its message, or once settled by its outbox row.
           -- By conversation: an index by action (before migration 26) would have walked every reply ever recorded.
           AND NOT EXISTS (SELECT 1 FROM activity x INDEXED BY activity_by_conversation WHERE x.conversation_seq = m.conversation_seq AND x.action = 'conversation.replied' AND x.actor = '${AWAY_ACTOR}'
             AND x.data ->> '$.messageId' = CAST(m.seq AS TEXT))
           AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.conversation_seq = m.conversation_seq AND (o.kind = 'away_reply' OR o.payload ->> '$.rule' IS NOT NULL) AND o.sent_external_id = m.external_id)
           -- A rule's reply is named so in the transaction that stores it.
           AND m.sent_by_kind IS NOT 'rule'
         UNION ALL
         SELECT max(o.created_at) FROM outbox o WHERE o.conversation_seq = (SELECT seq FROM conversations WHERE id = @id)
           AND o.kind = 'reply' AND o.payload ->> '$.rule' IS NULL AND o.state IN ('queued', 'sending') AND o.scheduled_for IS NULL
       )`,
    ).get({ id: conversationId })?.at ?? null
  );
}

/**
 * A reason an away reply was not sent, once per conversation, off period and reason: a
 * hostile person writing ten times leaves one line, and a send vetoed again after a crash none.
 */
export function recordSkip(db: Db, skip: { conversationId: string; periodStart: number; reason: AwaySkipReason; at: number; detail?: string }): void {
  const known = cachedStatement<[string, number, string], { found: number }>(
    db,
    `SELECT 1 AS found FROM activity INDEXED BY activity_by_conversation WHERE conversation_seq = (SELECT seq FROM conversations WHERE id = ?) AND action = 'conversation.awayReplySkipped' AND data ->> '$.period' = ? AND data ->> '$.reason' = ?`,
  ).get(skip.conversationId, skip.periodStart, skip.reason);
  if (known) return;
  prepareActivityWriter(db)({
    at: skip.at,
    actor: AWAY_ACTOR,
    action: 'conversation.awayReplySkipped',
    subjectType: 'conversation',
    subjectId: skip.conversationId,
    data: { reason: skip.reason, period: skip.periodStart, ...(skip.detail === undefined ? {} : { detail: skip.detail }) },
  });
}
