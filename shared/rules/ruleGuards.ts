import { compileConditions, type Predicate, type RuleFacts } from './compileConditions';
import type { ConditionGroup } from './ruleSchema';

/** A message's facts that never change while its rules run and take few values: guards are asked once per combination of them. */
const GUARD_READERS: readonly { field: string; read: (facts: RuleFacts) => string | null }[] = [
  { field: 'platform', read: (facts) => facts.platform },
  { field: 'kind', read: (facts) => facts.kind },
  { field: 'account', read: (facts) => facts.account },
  { field: 'language', read: (facts) => facts.language },
];
const GUARD_FIELDS = new Set(GUARD_READERS.map(({ field }) => field));
/** Combinations kept before the memo starts again: accounts are few, platforms, kinds and languages fewer. */
const MEMO_MAX = 1_024;

/**
 * What a rule's conditions require of the guard fields alone: the members of a top-level `all`
 * that are single conditions on those fields. Each reads one field only, so its answer is the
 * same for every message with that value; under `any` or inside a nested group a member
 * decides nothing alone, so it is never a guard. Null when the rule has none; with it, the fields it reads.
 */
export function guardOf(when: ConditionGroup): { guard: Predicate; fields: ReadonlySet<string> } | null {
  if (!('all' in when)) return null;
  const members = when.all.flatMap((node) => ('op' in node && GUARD_FIELDS.has(node.field) ? [node] : []));
  if (members.length === 0) return null;
  return { guard: compileConditions({ all: members }), fields: new Set(members.map((node) => node.field)) };
}

/** One level a field, a map from its value (null included) to the next level; the last holds the rules. */
type Level<R> = Map<string | null, Level<R> | readonly R[]>;

/**
 * The rules, in order, that a message can match: those whose guards pass on its platform,
 * kind, account and language, worked out once per combination of the fields any guard reads
 * and kept in nested maps (no key built, nothing allocated a message). A rule left out would
 * have failed its conditions anyway, so skipping it changes nothing but the time: in the bench,
 * a message in English on Facebook never calls the rules for French or Instagram.
 */
export function rulesForMessage<R>(rules: readonly R[], guardOfRule: (rule: R) => { guard: Predicate; fields: ReadonlySet<string> } | null): (facts: RuleFacts) => readonly R[] {
  const guarded = rules.map((rule) => ({ rule, guard: guardOfRule(rule) }));
  const read = GUARD_READERS.filter(({ field }) => guarded.some(({ guard }) => guard?.fields.has(field))).map((reader) => reader.read);
  const readLast = read.pop();
  if (readLast === undefined) return () => rules;
  const select = (facts: RuleFacts) => guarded.flatMap(({ rule, guard }) => (guard === null || guard.guard(facts) ? [rule] : []));
  let root: Level<R> = new Map();
  let combinations = 0;
  return (facts) => {
    if (combinations >= MEMO_MAX) {
      root = new Map();
      combinations = 0;
    }
    let level = root;
    for (const readValue of read) {
      const value = readValue(facts);
      let next = level.get(value) as Level<R> | undefined;
      if (next === undefined) level.set(value, (next = new Map()));
      level = next;
    }
    const value = readLast(facts);
    let chosen = level.get(value) as readonly R[] | undefined;
    if (chosen === undefined) {
      chosen = select(facts);
      level.set(value, chosen);
      combinations += 1;
    }
    return chosen;
  };
}
