import type { RuleFacts } from '../../../shared/rules/compileConditions';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import type { FactReader, FactRow } from './ruleFacts';

/** What one rule run is about: a conversation, and the message from a person it looks at (if any). */
export type RuleTarget = { conversation: { seq: number; id: string; accountId: string }; assigneeId: string | null; message: FactRow | null; facts: RuleFacts };

type ConversationRow = {
  id: string;
  account_id: string;
  platform: string;
  kind: 'comment' | 'mention' | 'dm';
  status: string;
  assignee_id: string | null;
  urgent_at: number | null;
  created_at: number;
  message_count: number;
  message_seq: number | null;
};

const CONVERSATION_SQL = `SELECT c.id, a.id AS account_id, c.platform, c.kind, c.status, c.assignee_id, c.urgent_at, c.created_at, c.message_count,
  (SELECT m.seq FROM messages m WHERE m.conversation_seq = c.seq AND m.direction = 'in' ORDER BY m.seq DESC LIMIT 1) AS message_seq
  FROM conversations c JOIN accounts a ON a.seq = c.account_seq WHERE c.seq = ?`;

/** A message's target, from its stored facts. */
export function messageTarget(reader: FactReader, messageSeq: number, at: number): RuleTarget | null {
  const row = reader.rowOf(messageSeq);
  if (!row) return null;
  return { conversation: { seq: row.conversation_seq, id: row.conversation_id, accountId: row.account_id }, assigneeId: row.assignee_id, message: row, facts: reader.factsOf(row, at) };
}

/**
 * A conversation's target for conversation, time and shift triggers: its latest message from a
 * person; with none, the conversation's own fields and nothing about a message (conditions on
 * message fields are then false, or true when negated).
 */
export function conversationTarget(db: Db, reader: FactReader, conversationSeq: number, at: number): RuleTarget | null {
  const row = cachedStatement<[number], ConversationRow>(db, CONVERSATION_SQL).get(conversationSeq);
  if (!row) return null;
  if (row.message_seq !== null) return messageTarget(reader, row.message_seq, at);
  const tags = () => cachedStatement<[number], { name: string }>(db, 'SELECT t.name FROM conversation_tags ct JOIN tags t ON t.seq = ct.tag_seq WHERE ct.conversation_seq = ?').all(conversationSeq).map((tag) => tag.name);
  const facts: RuleFacts = {
    platform: row.platform,
    account: row.account_id,
    kind: row.kind,
    text: null,
    authorHandle: null,
    authorName: null,
    authorFollowers: null,
    authorVerified: false,
    authorVip: false,
    authorBlocked: false,
    language: null,
    hostility: null,
    spamScore: null,
    hasLink: false,
    hasEmail: false,
    hasPhone: false,
    onlyEmoji: false,
    wordCount: null,
    inBusinessHours: false,
    status: row.status,
    assignee: row.assignee_id,
    get tags() {
      return tags();
    },
    ageMinutes: Math.max(0, Math.floor((at - row.created_at) / 60_000)),
    messageCount: row.message_count,
    urgent: row.urgent_at !== null,
  };
  return { conversation: { seq: conversationSeq, id: row.id, accountId: row.account_id }, assigneeId: row.assignee_id, message: null, facts };
}
