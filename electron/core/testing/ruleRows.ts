import { ruleDefinitionSchema, type RuleDefinitionInput } from '../../../shared/rules/ruleSchema';
import { newId } from '../ids';
import type { Db } from '../store/database';
import { T0 } from './itemBuilder';

/**
 * A rule stored as the rules service stores it (migration 19: the definition's trigger,
 * conditions, actions and stop as JSON, name and enabled as columns), last in order. For tests
 * of what reads rules; the rules service has its own.
 */
export function insertRule(db: Db, input: Partial<RuleDefinitionInput> & Pick<RuleDefinitionInput, 'trigger'>): number {
  const rule = ruleDefinitionSchema.parse({ name: 'Test rule', isEnabled: true, actions: [{ type: 'addTag', tag: 'late' }], ...input });
  const definition = JSON.stringify({ trigger: rule.trigger, when: rule.when, actions: rule.actions, stopProcessing: rule.stopProcessing });
  const { seq } = db
    .prepare<[string, string, number, string, string, number, number], { seq: number }>(
      `INSERT INTO rules (id, position, name, is_enabled, trigger_type, definition, created_at, updated_at)
       VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM rules), ?, ?, ?, ?, ?, ?) RETURNING seq`,
    )
    .get(newId(), rule.name, rule.isEnabled ? 1 : 0, rule.trigger.type, definition, T0, T0) ?? { seq: 0 };
  return seq;
}
