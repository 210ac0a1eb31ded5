import { compileConditions, type Predicate, type RuleFacts } from './compileConditions';
import type { Condition, ConditionGroup } from './ruleSchema';
import { passesGate, sharedWordGate, type WordGate } from './wordMatcher';

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
 * What a rule's conditions require before anything else is asked: of the guard fields (the
 * members of a top-level `all` that are single conditions on those fields: each reads one field
 * only, so its answer is the same for every message with that value), and of the text (a
 * top-level `all` member that needs one of a list of plain words: its gate in the shared word
 * index). Under `any` or inside a nested group a member decides nothing alone, so it is never
 * a guard. Null when the rule has neither; with a guard, the fields it reads.
 */
export type RuleGuard = { guard: Predicate | null; fields: ReadonlySet<string>; gate: WordGate | null };

export function guardOf(when: ConditionGroup): RuleGuard | null {
  if (!('all' in when)) return null;
  const members = when.all.flatMap((node) => ('op' in node && GUARD_FIELDS.has(node.field) ? [node] : []));
  const gate = when.all.reduce<WordGate | null>((found, node) => found ?? ('op' in node ? gateOf(node) : null), null);
  if (members.length === 0 && gate === null) return null;
  const guard = members.length === 0 ? null : compileConditions({ all: members });
  return { guard, fields: new Set(members.map((node) => node.field)), gate };
}

/** A text condition that needs one word of a list (any of them, or the first of all of them), as its own matcher reads them. */
function gateOf(condition: Condition): WordGate | null {
  if (condition.field !== 'text' || condition.negate) return null;
  if (condition.op === 'containsAny') return sharedWordGate(condition.values);
  if (condition.op === 'containsAll') return condition.values.length === 0 ? null : sharedWordGate(condition.values.slice(0, 1));
  return null;
}

/** The rules a combination of guard values leaves, each with its word gate; `gates` null when none has one. */
type Chosen<R> = { rules: readonly R[]; gates: readonly (WordGate | null)[] | null };
/** One level a field, a map from its value (null included) to the next level; the last holds the rules. */
type Level<R> = Map<string | null, Level<R> | Chosen<R>>;

/**
 * The rules, in order, that a message can match: those whose guards pass on its platform,
 * kind, account and language, worked out once per combination of the fields any guard reads
 * and kept in nested maps (no key built); then, of those with a word gate, the ones whose words
 * the text holds. A rule left out would have failed its conditions anyway, so skipping it
 * changes nothing but the time: in the bench, a message in English on Facebook never calls the
 * rules for French or Instagram, and one about delivery never calls the rules about refunds.
 * Calling each of fifty rules measured more than what they ask (their answers are kept per text).
 */
export function rulesForMessage<R>(rules: readonly R[], guardOfRule: (rule: R) => RuleGuard | null): (facts: RuleFacts) => readonly R[] {
  const guarded = rules.map((rule) => ({ rule, guard: guardOfRule(rule) }));
  const read = GUARD_READERS.filter(({ field }) => guarded.some(({ guard }) => guard?.fields.has(field))).map((reader) => reader.read);
  const chosenWhere = (passes: (guard: Predicate) => boolean): Chosen<R> => {
    const passing = guarded.filter(({ guard }) => !guard?.guard || passes(guard.guard));
    const gates = passing.map(({ guard }) => guard?.gate ?? null);
    return { rules: passing.map(({ rule }) => rule), gates: gates.some((gate) => gate !== null) ? gates : null };
  };
  const select = (facts: RuleFacts) => chosenWhere((guard) => guard(facts));
  const readLast = read.pop();
  if (readLast === undefined) {
    // No rule has a guard field: every rule passes that part.
    const all = chosenWhere(() => true);
    return (facts) => gated(all, facts);
  }
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
    let chosen = level.get(value) as Chosen<R> | undefined;
    if (chosen === undefined) {
      chosen = select(facts);
      level.set(value, chosen);
      combinations += 1;
    }
    return gated(chosen, facts);
  };
}

/** The chosen rules whose word gates the text passes, in order. */
function gated<R>({ rules, gates }: Chosen<R>, facts: RuleFacts): readonly R[] {
  if (gates === null) return rules;
  const text = facts.text;
  const passing: R[] = [];
  for (let index = 0; index < rules.length; index += 1) {
    const gate = gates[index];
    if (gate === null || gate === undefined || (text !== null && passesGate(text, gate))) passing.push(rules[index] as R);
  }
  return passing;
}
