import type { RuleFacts } from '../../../shared/rules/compileConditions';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import { ConversationFacts, conversationTagNames, type TagNamesOf } from './conversationFacts';
import type { FactReader, FactRow } from './ruleFacts';

/**
 * A target's facts, told when a rule changed its conversation: the conversation's fields (status,
 * assignee, tags, urgent) are then read again when a condition next asks for them.
 */
export type TargetFacts = RuleFacts & Pick<ConversationFacts, 'conversationChanged'>;

/** What one rule run is about: a conversation, and the message from a person it looks at (if any). */
export type RuleTarget = { conversation: { seq: number; id: string; accountId: string }; message: FactRow | null; facts: TargetFacts };

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

/** A stored message's target, from its fact row. */
export const rowTarget = (reader: FactReader, row: FactRow, at: number): RuleTarget => ({
  conversation: { seq: row.conversation_seq, id: row.conversation_id, accountId: row.account_id },
  message: row,
  facts: reader.factsOf(row, at),
});

/** A message's target, from its stored facts. */
export function messageTarget(reader: FactReader, messageSeq: number, at: number): RuleTarget | null {
  const row = reader.rowOf(messageSeq);
  return row ? rowTarget(reader, row, at) : null;
}

/**
 * A conversation's target for conversation, time and shift triggers: its latest message from a
 * person; with none, the conversation's own fields and nothing about a message.
 */
export function conversationTarget(db: Db, reader: FactReader, conversationSeq: number, at: number): RuleTarget | null {
  const row = cachedStatement<[number], ConversationRow>(db, CONVERSATION_SQL).get(conversationSeq);
  if (!row) return null;
  return row.message_seq !== null ? messageTarget(reader, row.message_seq, at) : targetWithoutMessage(db, conversationSeq, row, at, reader.tagNamesOf);
}

/** The target of a conversation as it was before any message from a person (the dry run replays one). */
export function conversationOnlyTarget(db: Db, conversationSeq: number, at: number): RuleTarget | null {
  const row = cachedStatement<[number], ConversationRow>(db, CONVERSATION_SQL).get(conversationSeq);
  return row ? targetWithoutMessage(db, conversationSeq, row, at, (seq) => conversationTagNames(db, seq)) : null;
}

/** Conditions on message fields are then false, or true when negated. */
function targetWithoutMessage(db: Db, conversationSeq: number, row: ConversationRow, at: number, tagNamesOf: TagNamesOf): RuleTarget {
  return { conversation: { seq: conversationSeq, id: row.id, accountId: row.account_id }, message: null, facts: new ConversationOnlyFacts(db, conversationSeq, row, at, tagNamesOf) };
}

/** A conversation's facts without a message from a person: its own fields; message fields are empty. */
class ConversationOnlyFacts extends ConversationFacts implements RuleFacts {
  readonly text = null;
  readonly authorHandle = null;
  readonly authorName = null;
  readonly authorFollowers = null;
  readonly authorVerified = false;
  readonly authorVip = false;
  readonly authorBlocked = false;
  readonly language = null;
  readonly hostility = null;
  readonly spamScore = null;
  readonly hasLink = false;
  readonly hasEmail = false;
  readonly hasPhone = false;
  readonly onlyEmoji = false;
  readonly wordCount = null;
  readonly inBusinessHours = false;
  readonly platform: string;
  readonly account: string;
  readonly kind: string;
  readonly ageMinutes: number;
  readonly messageCount: number;

  constructor(db: Db, conversationSeq: number, row: ConversationRow, at: number, tagNamesOf: TagNamesOf) {
    super(db, conversationSeq, row, tagNamesOf);
    this.platform = row.platform;
    this.account = row.account_id;
    this.kind = row.kind;
    this.ageMinutes = Math.max(0, Math.floor((at - row.created_at) / 60_000));
    this.messageCount = row.message_count;
  }
}
