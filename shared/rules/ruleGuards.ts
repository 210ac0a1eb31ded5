import { compileNode, type Predicate, type RuleFacts } from './compileConditions';
import type { ConditionGroup } from './ruleSchema';

/** A message's facts that never change while its rules run and take few values: guards are asked once per combination of them. */
const GUARD_FIELDS = new Set<string>(['platform', 'kind', 'account', 'language']);
const SEPARATOR = '\u0001';
/** Combinations kept before the memo starts again: accounts are few, platforms, kinds and languages fewer. */
const MEMO_MAX = 1_024;

/**
 * What a rule's conditions require of the guard fields alone: the members of a top-level `all`
 * that are single conditions on those fields. Each reads one field only, so its answer is the
 * same for every message with that value; under `any` or inside a nested group a member
 * decides nothing alone, so it is never a guard. Null when the rule has none.
 */
export function guardOf(when: ConditionGroup): Predicate | null {
  if (!('all' in when)) return null;
  const guards = when.all.flatMap((node) => ('op' in node && GUARD_FIELDS.has(node.field) ? [compileNode(node)] : []));
  if (guards.length === 0) return null;
  return (facts) => {
    for (const guard of guards) if (!guard(facts)) return false;
    return true;
  };
}

const keyPart = (value: string | null): string | null => (value === null ? 'n' : value.includes(SEPARATOR) ? null : `s${value}`);

/**
 * The rules, in order, that a message can match: those whose guards pass on its platform,
 * kind, account and language, worked out once per combination of the four. A rule left out
 * would have failed its conditions anyway, so skipping it changes nothing but the time: in
 * the bench, a message in English on Facebook never calls the rules for French or Instagram.
 */
export function rulesForMessage<R>(rules: readonly R[], guardOfRule: (rule: R) => Predicate | null): (facts: RuleFacts) => readonly R[] {
  const guarded = rules.map((rule) => ({ rule, guard: guardOfRule(rule) }));
  if (guarded.every(({ guard }) => guard === null)) return () => rules;
  const select = (facts: RuleFacts) => guarded.flatMap(({ rule, guard }) => (guard === null || guard(facts) ? [rule] : []));
  const memo = new Map<string, readonly R[]>();
  return (facts) => {
    const parts = [keyPart(facts.platform), keyPart(facts.kind), keyPart(facts.account), keyPart(facts.language)];
    // A value holding the separator could make two combinations one key: asked directly instead.
    if (parts.includes(null)) return select(facts);
    const key = parts.join(SEPARATOR);
    let chosen = memo.get(key);
    if (chosen === undefined) {
      if (memo.size >= MEMO_MAX) memo.clear();
      chosen = select(facts);
      memo.set(key, chosen);
    }
    return chosen;
  };
}
