import type { RuleFacts } from '../../../shared/rules/compileConditions';
import { RULE_FIELD_NAMES, type RuleField } from '../../../shared/rules/ruleFields';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import { conversationTagNames, type FactReader, type FactRow } from './ruleFacts';

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

/** A stored message's target, from its fact row. */
export const rowTarget = (reader: FactReader, row: FactRow, at: number): RuleTarget => ({
  conversation: { seq: row.conversation_seq, id: row.conversation_id, accountId: row.account_id },
  assigneeId: row.assignee_id,
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
  return row.message_seq !== null ? messageTarget(reader, row.message_seq, at) : targetWithoutMessage(db, conversationSeq, row, at);
}

/** The target of a conversation as it was before any message from a person (the dry run replays one). */
export function conversationOnlyTarget(db: Db, conversationSeq: number, at: number): RuleTarget | null {
  const row = cachedStatement<[number], ConversationRow>(db, CONVERSATION_SQL).get(conversationSeq);
  return row ? targetWithoutMessage(db, conversationSeq, row, at) : null;
}

/** Conditions on message fields are then false, or true when negated. */
function targetWithoutMessage(db: Db, conversationSeq: number, row: ConversationRow, at: number): RuleTarget {
  const tags = () => conversationTagNames(db, conversationSeq);
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

/** The facts about a conversation that rules change; the rest are the message's and stay. */
const CONVERSATION_FIELDS: ReadonlySet<RuleField> = new Set<RuleField>(['status', 'assignee', 'tags', 'urgent']);

/**
 * A message's facts with its conversation's as they are now. A class with one getter per field
 * (rather than a copy, or an object made with descriptors) keeps reading them fast, and leaves
 * what was already worked out for the message (the spam score) to the message's own facts.
 */
class RefreshedFacts {
  private tagNames: string[] | null = null;
  constructor(
    readonly base: RuleFacts,
    private readonly db: Db,
    private readonly conversationSeq: number,
    readonly status: string,
    readonly assignee: string | null,
    readonly urgent: boolean,
  ) {}

  get tags(): string[] {
    return (this.tagNames ??= conversationTagNames(this.db, this.conversationSeq));
  }
}
for (const field of RULE_FIELD_NAMES) {
  if (!CONVERSATION_FIELDS.has(field)) Object.defineProperty(RefreshedFacts.prototype, field, { get: function (this: RefreshedFacts) { return this.base[field]; } });
}

/** The same target once a rule changed its conversation: the conversation's facts read again. */
export function refreshedTarget(db: Db, target: RuleTarget): RuleTarget | null {
  const seq = target.conversation.seq;
  const row = cachedStatement<[number], { status: string; assignee_id: string | null; urgent_at: number | null }>(db, 'SELECT status, assignee_id, urgent_at FROM conversations WHERE seq = ?').get(seq);
  if (!row) return null;
  const base = target.facts instanceof RefreshedFacts ? target.facts.base : target.facts;
  // Every field not defined on the class is defined on its prototype above.
  const facts = new RefreshedFacts(base, db, seq, row.status, row.assignee_id, row.urgent_at !== null) as unknown as RuleFacts;
  return { ...target, assigneeId: row.assignee_id, facts };
}
