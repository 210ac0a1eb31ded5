import { newId } from '../ids';
import type { Db } from './database';
import { cachedStatement } from './statementCache';

/** One line of the audit trail: who did what to which thing, when. */
export type ActivityEntry = {
  at: number;
  /** 'me', a person id, 'ingest', 'rule:<id>', 'demo'... */
  actor: string;
  action: string;
  subjectType: 'conversation' | 'account' | 'message' | 'workspace' | 'rule';
  subjectId: string;
  /**
   * The conversation's row key, when the writer has it at hand (rules, in ingest's hot path):
   * otherwise it is looked up from `subjectId` (migration 24).
   */
  conversationSeq?: number;
  data?: Record<string, unknown>;
};

export type ActivityWriter = (entry: ActivityEntry) => void;

/**
 * Inserts a history line by position (better-sqlite3 binds no numbered parameters, and named
 * ones cost more: the subject is given twice): id, at, actor, action, subject type, subject id,
 * data, then for `conversation_seq` the subject type, the conversation's seq or null (then looked
 * up for a line about a conversation), the subject id. See `activityValues`.
 */
export const ACTIVITY_INSERT = `INSERT INTO activity (id, at, actor, action, subject_type, subject_id, data, conversation_seq)
  VALUES (?, ?, ?, ?, ?, ?, ?, CASE WHEN ? = 'conversation' THEN coalesce(?, (SELECT seq FROM conversations WHERE id = ?)) END)`;

/** The values of `ACTIVITY_INSERT`, in order. */
export const activityValues = (id: string, entry: ActivityEntry): unknown[] => [
  id, entry.at, entry.actor, entry.action, entry.subjectType, entry.subjectId, JSON.stringify(entry.data ?? {}), entry.subjectType, entry.conversationSeq ?? null, entry.subjectId,
];

export function prepareActivityWriter(db: Db): ActivityWriter {
  // Bound by position: rules write a line per effect in ingest, and named parameters cost more to bind.
  const insert = cachedStatement(db, ACTIVITY_INSERT);
  return (entry) => {
    insert.run(...activityValues(newId(), entry));
  };
}

/** A history line about a conversation whose row key the writer already has. */
export type ConversationLine = { at: number; actor: string; action: string; subjectId: string; conversationSeq: number; data: Record<string, unknown> };

/**
 * Writes lines about conversations whose row keys the writer has (rules, tens of thousands in a
 * history import): no subject type to bind and no look-up to weigh, about a seventh less a line.
 */
export function prepareConversationLineWriter(db: Db): (line: ConversationLine) => void {
  const insert = cachedStatement<[string, number, string, string, string, string, number]>(
    db,
    "INSERT INTO activity (id, at, actor, action, subject_type, subject_id, data, conversation_seq) VALUES (?, ?, ?, ?, 'conversation', ?, ?, ?)",
  );
  return (line) => {
    insert.run(newId(), line.at, line.actor, line.action, line.subjectId, JSON.stringify(line.data), line.conversationSeq);
  };
}
