import { triggerSchema } from '../../../shared/rules/ruleSchema';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import type { RuleEvent, RuleRunner, RuleRunResult } from './ruleEvents';
import { NOTHING_RAN } from './ruleRunResults';

export type ConversationChange = Omit<Extract<RuleEvent, { type: 'conversationChanged' }>, 'type'>;

/** The enabled rules a change of this kind triggers, but the one that made it. */
function hasRulesFor(db: Db, { change, byRuleSeq }: ConversationChange): boolean {
  return cachedStatement<[], { seq: number; definition: string }>(db, "SELECT seq, definition FROM rules WHERE is_enabled = 1 AND trigger_type = 'conversationChanged'")
    .all()
    .some((row) => {
      if (row.seq === byRuleSeq) return false;
      // Stored definitions were validated on the way in; parsing the trigger again keeps the type honest.
      const trigger = triggerSchema.parse((JSON.parse(row.definition) as { trigger: unknown }).trigger);
      return trigger.type === 'conversationChanged' && trigger.changes.includes(change);
    });
}

/**
 * Runs the rules with a "conversation changes" trigger for this change, on these conversations,
 * after the change and inside the caller's transaction. One round only: what those rules change
 * in turn is not raised again (whoever calls this for a rule's change passes `byRuleSeq`, and
 * the runner never raises from a conversationChanged run), so two rules cannot ping-pong.
 */
export function runConversationChanged(db: Db, runRules: RuleRunner, change: ConversationChange, at: number): RuleRunResult {
  if (change.conversationSeqs.length === 0 || !hasRulesFor(db, change)) return NOTHING_RAN;
  return runRules(db, { type: 'conversationChanged', ...change }, at);
}
