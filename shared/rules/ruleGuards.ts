import { compileConditions, type Predicate, type RuleFacts } from './compileConditions';
import type { Condition, ConditionGroup, ConditionNode } from './ruleSchema';
import type { WordIndex } from './wordIndex';
import { listsHeldBy, sharedStartGate, sharedWordGate, type WordGate } from './wordMatcher';

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

/** The strings word gates read, by number: a message's text, its author's name and handle. */
const GATE_FIELDS: readonly Condition['field'][] = ['text', 'authorName', 'authorHandle'];
const gateField = (facts: RuleFacts, field: number): string | null => (field === 0 ? facts.text : field === 1 ? facts.authorName : facts.authorHandle);

/** A word gate on one field (its number in `GATE_FIELDS`). */
export type FieldGate = { readonly field: number; readonly gate: WordGate };

/**
 * What a rule's conditions require before anything else is asked: of the guard fields (the
 * members of a top-level `all` that are single conditions on those fields: each reads one field
 * only, so its answer is the same for every message with that value), and of the words (a
 * member the conditions cannot pass without: its gates in the shared word index, any one of
 * which must pass). Under `any` or inside a nested group a guard field decides nothing alone,
 * so it is never a guard. Null when the rule has neither; with a guard, the fields it reads.
 */
export type RuleGuard = { guard: Predicate | null; fields: ReadonlySet<string>; gates: readonly FieldGate[] | null };

export function guardOf(when: ConditionGroup): RuleGuard | null {
  const members = 'all' in when ? when.all.flatMap((node) => ('op' in node && GUARD_FIELDS.has(node.field) ? [node] : [])) : [];
  const gates = gatesOf(when);
  if (members.length === 0 && gates === null) return null;
  const guard = members.length === 0 ? null : compileConditions({ all: members });
  return { guard, fields: new Set(members.map((node) => node.field)), gates };
}

/**
 * Gates a node cannot pass without passing one of: a word condition's own; for `all`, the
 * first member's that has some (every member must pass); for `any`, all its members' together,
 * if each has some (one member must pass; `any` of nothing never does). Null when there are none.
 */
function gatesOf(node: ConditionNode): readonly FieldGate[] | null {
  if ('all' in node) return node.all.reduce<readonly FieldGate[] | null>((found, member) => found ?? gatesOf(member), null);
  if ('any' in node) {
    const each = node.any.map(gatesOf);
    return each.every((gates) => gates !== null) ? each.flat() : null;
  }
  const field = GATE_FIELDS.indexOf(node.field);
  const gate = field < 0 || node.negate ? null : wordGateOf(node);
  return gate === null ? null : [{ field, gate }];
}

/** A string condition that needs a word of a list (any of them, or the first of all of them) or a start, as its own matcher reads them. */
function wordGateOf(condition: Condition): WordGate | null {
  if (condition.op === 'containsAny') return sharedWordGate(condition.values);
  if (condition.op === 'containsAll') return condition.values.length === 0 ? null : sharedWordGate(condition.values.slice(0, 1));
  if (condition.op === 'startsWith') return sharedStartGate(condition.value);
  return null;
}

/** The rules a combination of guard values leaves, and what opens those with word gates (null when none has any). */
type Chosen<R> = { rules: readonly R[]; gates: GateSwitch<R> | null };
/** One level a field, a map from its value (null included) to the next level; the last holds the rules. */
type Level<R> = Map<string | null, Level<R> | Chosen<R>>;

/**
 * The rules, in order, that a message can match: those whose guards pass on its platform,
 * kind, account and language, worked out once per combination of the fields any guard reads
 * and kept in nested maps (no key built); then, of those with word gates, the ones the
 * message passes one of (its text or author holds the words, or the start). A rule left out would have failed its conditions anyway, so skipping it
 * changes nothing but the time: in the bench, a message in English on Facebook never calls the
 * rules for French or Instagram, and one about delivery never calls the rules about refunds.
 * Calling each of fifty rules measured more than what they ask (their answers are kept per text).
 */
export function rulesForMessage<R>(rules: readonly R[], guardOfRule: (rule: R) => RuleGuard | null): (facts: RuleFacts) => readonly R[] {
  const guarded = rules.map((rule) => ({ rule, guard: guardOfRule(rule) }));
  const read = GUARD_READERS.filter(({ field }) => guarded.some(({ guard }) => guard?.fields.has(field))).map((reader) => reader.read);
  const chosenWhere = (passes: (guard: Predicate) => boolean): Chosen<R> => {
    const passing = guarded.filter(({ guard }) => !guard?.guard || passes(guard.guard));
    const chosen = passing.map(({ rule }) => rule);
    const gates = passing.map(({ guard }) => guard?.gates ?? null);
    return { rules: chosen, gates: gates.some((gate) => gate !== null) ? new GateSwitch(chosen, gates) : null };
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

/** The chosen rules whose word gates the message passes, in order. */
const gated = <R>({ rules, gates }: Chosen<R>, facts: RuleFacts): readonly R[] => (gates === null ? rules : gates.passing(facts));

/** The rules one list opens when a field's value holds it, by their place among the chosen rules. */
type ListOpens = { readonly field: number; readonly index: WordIndex; readonly rules: ReadonlyMap<number, readonly number[]> };

/**
 * Which of the chosen rules a message's words let through, from the lists each gate field holds
 * (each field's worked out once per text, see `listsHeldBy`): a list held opens the rules it
 * gates, a rule without gates is always open. Asked rule by rule instead (each rule's gates looked
 * for among the lists held), the gates of fifty rules measured as much as their conditions.
 */
class GateSwitch<R> {
  private readonly alwaysOpen: Uint8Array;
  /** Which rules this message opens: one buffer, filled again for each message. */
  private readonly open: Uint8Array;
  private readonly opens: readonly ListOpens[];

  /** `gates[i]` are the gates of `rules[i]` (null: none). */
  constructor(
    private readonly rules: readonly R[],
    gates: readonly (readonly FieldGate[] | null)[],
  ) {
    this.alwaysOpen = Uint8Array.from(gates, (ruleGates) => (ruleGates === null ? 1 : 0));
    this.open = new Uint8Array(gates.length);
    const opens: { field: number; index: WordIndex; rules: Map<number, number[]> }[] = [];
    gates.forEach((ruleGates, rule) => {
      for (const { field, gate } of ruleGates ?? []) {
        // Gates share one index but for the rare rule compiled before the shared index started again.
        let entry = opens.find((candidate) => candidate.field === field && candidate.index === gate.index);
        if (entry === undefined) opens.push((entry = { field, index: gate.index, rules: new Map() }));
        const opened = entry.rules.get(gate.list);
        if (opened === undefined) entry.rules.set(gate.list, [rule]);
        else if (!opened.includes(rule)) opened.push(rule);
      }
    });
    this.opens = opens;
  }

  passing(facts: RuleFacts): R[] {
    const open = this.open;
    open.set(this.alwaysOpen);
    for (const { field, index, rules: opened } of this.opens) {
      const value = gateField(facts, field);
      if (value === null) continue;
      for (const list of listsHeldBy(value, index)) {
        const byList = opened.get(list);
        if (byList !== undefined) for (const rule of byList) open[rule] = 1;
      }
    }
    const passing: R[] = [];
    for (let rule = 0; rule < this.rules.length; rule += 1) if (open[rule] === 1) passing.push(this.rules[rule] as R);
    return passing;
  }
}
