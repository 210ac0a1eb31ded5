import { describeIssues } from '../../../shared/api/describeIssues';
import { compileConditions, type Predicate, type RuleFacts } from '../../../shared/rules/compileConditions';
import { guardOf, rulesForMessage } from '../../../shared/rules/ruleGuards';
import { ruleDefinitionSchema, type RuleAction, type Trigger, type TriggerType } from '../../../shared/rules/ruleSchema';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import { disableRule } from './ruleRecords';

/** An enabled rule, compiled once per saved version: its conditions are one plain function. */
export type CompiledRule = {
  seq: number;
  id: string;
  name: string;
  trigger: Trigger;
  predicate: Predicate;
  /** What the conditions require of the message's platform, kind, account and language alone (see `rulesForMessage`). */
  guard: ReturnType<typeof guardOf>;
  actions: readonly RuleAction[];
  stopProcessing: boolean;
};

type RuleRow = { seq: number; id: string; name: string; definition: string };

/**
 * A stored rule as the engine runs it, or why it cannot: the definition column holds the
 * trigger, conditions, actions and stop flag; the name lives in its own column. A definition
 * written by an older or newer version, or edited by hand, is validated like an imported one.
 */
export function compileRule(row: RuleRow): CompiledRule | { error: string } {
  let stored: unknown;
  try {
    stored = JSON.parse(row.definition);
  } catch (error) {
    return { error: `The stored rule is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = ruleDefinitionSchema.safeParse(typeof stored === 'object' && stored !== null ? { ...stored, name: row.name, isEnabled: true } : stored);
  if (!parsed.success) return { error: `The stored rule is no longer valid: ${describeIssues(parsed.error)}` };
  const { trigger, when, actions, stopProcessing } = parsed.data;
  try {
    return { seq: row.seq, id: row.id, name: row.name, trigger, predicate: compileConditions(when), guard: guardOf(when), actions, stopProcessing };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export type RuleSet = {
  byTrigger(type: TriggerType): readonly CompiledRule[];
  /** The message rules, in order, whose guards a message passes: the others cannot match it. */
  forMessage(facts: RuleFacts): readonly CompiledRule[];
  bySeq(seq: number): CompiledRule | undefined;
};

type Cached = { signature: string; rules: CompiledRule[]; byTrigger: Map<TriggerType, CompiledRule[]>; forMessage: (facts: RuleFacts) => readonly CompiledRule[] };
const cache = new WeakMap<Db, Cached>();

const signatureOf = (db: Db): string =>
  cachedStatement<[], { signature: string | null }>(db, "SELECT group_concat(seq || ':' || version || ':' || updated_at || ':' || is_enabled || ':' || position, ',') AS signature FROM rules").get()?.signature ?? '';

/**
 * The enabled rules in order, compiled. One cheap query per run tells whether anything was
 * saved, turned on or off, or moved since the last compile; only then are the rules read and
 * compiled again. A rule whose stored definition no longer compiles is turned off with why.
 */
export function loadRuleSet(db: Db, at: number): RuleSet {
  let cached = cache.get(db);
  if (cached?.signature !== signatureOf(db)) {
    const rules = compileEnabled(db, at);
    const byTrigger = new Map<TriggerType, CompiledRule[]>();
    for (const rule of rules) byTrigger.set(rule.trigger.type, [...(byTrigger.get(rule.trigger.type) ?? []), rule]);
    // Read after compiling: turning a broken rule off changed it, and must not make the next run compile again.
    const forMessage = rulesForMessage(byTrigger.get('messageArrived') ?? [], (rule) => rule.guard);
    cached = { signature: signatureOf(db), rules, byTrigger, forMessage };
    cache.set(db, cached);
  }
  const { rules, byTrigger, forMessage } = cached;
  return { byTrigger: (type) => byTrigger.get(type) ?? [], forMessage, bySeq: (seq) => rules.find((rule) => rule.seq === seq) };
}

function compileEnabled(db: Db, at: number): CompiledRule[] {
  const rows = cachedStatement<[], RuleRow>(db, 'SELECT seq, id, name, definition FROM rules WHERE is_enabled = 1 ORDER BY position, seq').all();
  return rows.flatMap((row) => {
    const compiled = compileRule(row);
    if (!('error' in compiled)) return [compiled];
    disableRule(db, { seq: row.seq, id: row.id, name: row.name }, compiled.error, at);
    return [];
  });
}
