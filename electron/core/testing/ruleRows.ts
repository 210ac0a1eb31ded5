import { ruleDefinitionSchema, type RuleDefinitionInput } from '../../../shared/rules/ruleSchema';
import { newId } from '../ids';
import type { Db } from '../store/database';

export type InsertedRule = { seq: number; id: string; name: string };

/**
 * Stores a rule as the rules service saves one (validated, last in order, version 1, its
 * definition without the name and enabled flag, which are columns), for tests of the engine.
 */
export function insertRule(db: Db, input: RuleDefinitionInput, at = 0): InsertedRule {
  const { name, isEnabled, trigger, when, actions, stopProcessing } = ruleDefinitionSchema.parse({ isEnabled: true, ...input });
  const id = newId();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO rules (id, position, name, is_enabled, trigger_type, definition, created_at, updated_at)
       VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM rules), ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, name, isEnabled ? 1 : 0, trigger.type, JSON.stringify({ trigger, when, actions, stopProcessing }), at, at);
  return { seq: Number(lastInsertRowid), id, name };
}

/** The built-in rules off, for tests about other rules only. */
export const disableBuiltInRules = (db: Db): void => void db.prepare('UPDATE rules SET is_enabled = 0 WHERE built_in IS NOT NULL').run();
