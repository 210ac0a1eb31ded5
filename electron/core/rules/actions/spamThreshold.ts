import { conditionSchema, type ConditionNode } from '../../../../shared/rules/ruleSchema';
import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';

/**
 * The spam score above which the built-in spam rule calls a message spam (its lowest
 * "spam score greater than"), so that a rule's reply never answers what the team calls spam,
 * even before that rule ran or while it is off. Null without such a rule.
 */
export function spamThreshold(db: Db): number | null {
  const row = cachedStatement<[], { definition: string }>(db, "SELECT definition FROM rules WHERE built_in = 'spam'").get();
  if (!row) return null;
  const definition = JSON.parse(row.definition) as { when?: unknown };
  const thresholds = conditionsOf(definition.when).flatMap((node) => {
    const condition = conditionSchema.safeParse(node);
    return condition.success && condition.data.field === 'spamScore' && condition.data.op === 'greaterThan' && !condition.data.negate ? [condition.data.value] : [];
  });
  return thresholds.length === 0 ? null : Math.min(...thresholds);
}

/** Every condition of a stored group, however deep. */
function conditionsOf(node: unknown): unknown[] {
  if (typeof node !== 'object' || node === null) return [];
  const group = node as Partial<Record<'all' | 'any', ConditionNode[]>>;
  const children = group.all ?? group.any;
  return Array.isArray(children) ? children.flatMap(conditionsOf) : [node];
}
