import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import type { RuleRunResult } from './ruleEvents';

export const NOTHING_RAN: RuleRunResult = { changedConversationIds: [], newlyUrgent: [], queuedSends: 0 };

/** Several runs (one per due rule, per shift) as one: what to announce, escalate and send after commit. */
export const mergeRunResults = (results: readonly RuleRunResult[]): RuleRunResult => ({
  changedConversationIds: [...new Set(results.flatMap((result) => result.changedConversationIds))],
  newlyUrgent: results.flatMap((result) => result.newlyUrgent),
  queuedSends: results.reduce((total, result) => total + result.queuedSends, 0),
});

/** The row keys of conversations a run reports by id: their timers are rewritten. */
export const conversationSeqsOf = (db: Db, ids: readonly string[]): number[] =>
  ids.length === 0
    ? []
    : cachedStatement<[string], { seq: number }>(db, 'SELECT seq FROM conversations WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(ids))
        .map((row) => row.seq);
