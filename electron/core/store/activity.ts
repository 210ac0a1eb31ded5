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
  data?: Record<string, unknown>;
};

export type ActivityWriter = (entry: ActivityEntry) => void;

export function prepareActivityWriter(db: Db): ActivityWriter {
  // Bound by position: rules write a line per effect in ingest, and named parameters cost more to bind.
  const insert = cachedStatement(db, 'INSERT INTO activity (id, at, actor, action, subject_type, subject_id, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  return (entry) => {
    insert.run(newId(), entry.at, entry.actor, entry.action, entry.subjectType, entry.subjectId, JSON.stringify(entry.data ?? {}));
  };
}
