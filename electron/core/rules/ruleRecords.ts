import { prepareActivityWriter } from '../store/activity';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

export type RuleRef = { seq: number; id: string; name: string };

/** Who a rule's effects are on the record as: the rule, by id (its name may change, so the line keeps the name it had). */
export const ruleActor = (rule: Pick<RuleRef, 'id'>): string => `rule:${rule.id}`;

/** One more message (or conversation) the rule matched. */
export function recordHit(db: Db, ruleSeq: number, at: number): void {
  cachedStatement(db, 'UPDATE rules SET hit_count = hit_count + 1, last_hit_at = ? WHERE seq = ?').run(at, ruleSeq);
}

/**
 * Turns off a rule that threw (or no longer compiles), with why, so the person sees it on the
 * rule; the workspace's history says so too. Runs outside the rule's own rolled-back savepoint.
 */
export function disableRule(db: Db, rule: RuleRef, error: string, at: number): void {
  cachedStatement(db, 'UPDATE rules SET is_enabled = 0, error = ?, error_at = ? WHERE seq = ?').run(error, at, rule.seq);
  prepareActivityWriter(db)({ at, actor: 'engine', action: 'rule.disabled', subjectType: 'workspace', subjectId: rule.id, data: { rule: rule.name, error } });
}
