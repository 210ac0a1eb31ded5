import type { BuiltInRule, Rule, RuleVersion } from '../../../shared/api/rules';
import { ruleDefinitionSchema, type RuleDefinition } from '../../../shared/rules/ruleSchema';
import { newId } from '../ids';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/**
 * The rules table and its versions (migration 19). `definition` holds what the engine compiles
 * (trigger, conditions, actions, stop); name and on/off are columns, so turning a rule off or
 * renaming it never rewrites what the engine reads. Each save of the whole definition is a new
 * `version`, kept whole (name included) in `rule_versions`; `updated_at` moves on every change,
 * order included, so the engine knows to load the rules again.
 */

type RuleRow = {
  seq: number;
  id: string;
  position: number;
  name: string;
  is_enabled: number;
  built_in: BuiltInRule | null;
  definition: string;
  version: number;
  hit_count: number;
  last_hit_at: number | null;
  error: string | null;
  error_at: number | null;
  created_at: number;
  updated_at: number;
};

const COLUMNS = 'seq, id, position, name, is_enabled, built_in, definition, version, hit_count, last_hit_at, error, error_at, created_at, updated_at';

/** Stored definitions were validated on the way in; parsing again keeps the type honest. */
const parseDefinition = (json: string, name: string, isEnabled: boolean): RuleDefinition => ruleDefinitionSchema.parse({ ...JSON.parse(json), name, isEnabled });

const toRule = (row: RuleRow): Rule => ({
  ...parseDefinition(row.definition, row.name, row.is_enabled === 1),
  id: row.id,
  position: row.position,
  builtIn: row.built_in,
  version: row.version,
  hitCount: row.hit_count,
  lastHitAt: row.last_hit_at,
  error: row.error === null ? null : { message: row.error, at: row.error_at ?? row.updated_at },
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** What the engine compiles: the definition without the columns beside it. */
const engineJson = ({ trigger, when, actions, stopProcessing }: RuleDefinition): string => JSON.stringify({ trigger, when, actions, stopProcessing });

export function listRules(db: Db): Rule[] {
  return cachedStatement<[], RuleRow>(db, `SELECT ${COLUMNS} FROM rules ORDER BY position`).all().map(toRule);
}

/** The rule with this id, and its row's seq (what the other tables refer to it by). */
export function findRule(db: Db, id: string): { seq: number; rule: Rule } | null {
  const row = cachedStatement<[string], RuleRow>(db, `SELECT ${COLUMNS} FROM rules WHERE id = ?`).get(id);
  return row ? { seq: row.seq, rule: toRule(row) } : null;
}

export function countRules(db: Db): number {
  return cachedStatement<[], { n: number }>(db, 'SELECT count(*) AS n FROM rules').get()?.n ?? 0;
}

function writeVersion(db: Db, seq: number, version: number, definition: RuleDefinition, now: number): void {
  cachedStatement(db, 'INSERT INTO rule_versions (rule_seq, version, definition, saved_at) VALUES (?, ?, ?, ?)').run(seq, version, JSON.stringify(definition), now);
}

/** A new rule at `position` (0 first); the rules from there on move down one. Returns its id. */
export function insertRule(db: Db, definition: RuleDefinition, position: number, now: number): string {
  const id = newId();
  cachedStatement(db, 'UPDATE rules SET position = position + 1, updated_at = ? WHERE position >= ?').run(now, position);
  const { lastInsertRowid } = cachedStatement(
    db,
    `INSERT INTO rules (id, position, name, is_enabled, trigger_type, definition, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(id, position, definition.name, definition.isEnabled ? 1 : 0, definition.trigger.type, engineJson(definition), now, now);
  writeVersion(db, Number(lastInsertRowid), 1, definition, now);
  return id;
}

/**
 * A new version of the rule's whole definition; the engine's error on it is cleared. It goes
 * after every version in the history: in a team, a teammate's later version may be there while
 * this rule holds an earlier one (two desktops saved apart, and the earlier came last).
 */
export function saveDefinition(db: Db, seq: number, definition: RuleDefinition, now: number): void {
  const { version } = cachedStatement<[number], { version: number }>(
    db,
    'SELECT max(version, coalesce((SELECT max(v.version) FROM rule_versions v WHERE v.rule_seq = rules.seq), 0)) AS version FROM rules WHERE seq = ?',
  ).get(seq) ?? { version: 0 };
  cachedStatement(
    db,
    `UPDATE rules SET name = ?, is_enabled = ?, trigger_type = ?, definition = ?, version = ?, error = NULL, error_at = NULL, updated_at = ?
     WHERE seq = ?`,
  ).run(definition.name, definition.isEnabled ? 1 : 0, definition.trigger.type, engineJson(definition), version + 1, now, seq);
  writeVersion(db, seq, version + 1, definition, now);
}

/** On or off; turning a rule on clears the error that turned it off. */
export function setRuleEnabled(db: Db, seq: number, isEnabled: boolean, now: number): void {
  const sql = isEnabled
    ? 'UPDATE rules SET is_enabled = 1, error = NULL, error_at = NULL, updated_at = ? WHERE seq = ?'
    : 'UPDATE rules SET is_enabled = 0, updated_at = ? WHERE seq = ?';
  cachedStatement(db, sql).run(now, seq);
}

/** Removes the rule (its versions, fires and timers go with it) and closes the gap in the order. */
export function deleteRule(db: Db, seq: number, position: number, now: number): void {
  cachedStatement(db, 'DELETE FROM rules WHERE seq = ?').run(seq);
  cachedStatement(db, 'UPDATE rules SET position = position - 1, updated_at = ? WHERE position > ?').run(now, position);
}

/** `ids` is every rule's id, each once (the caller checks): position is its index. */
export function writeOrder(db: Db, ids: readonly string[], now: number): void {
  const move = cachedStatement(db, 'UPDATE rules SET position = ?, updated_at = ? WHERE id = ? AND position <> ?');
  ids.forEach((id, position) => move.run(position, now, id, position));
}

export function ruleVersions(db: Db, seq: number): RuleVersion[] {
  return cachedStatement<[number], { version: number; definition: string; saved_at: number }>(db, 'SELECT version, definition, saved_at FROM rule_versions WHERE rule_seq = ? ORDER BY version DESC')
    .all(seq)
    .map((row) => ({ version: row.version, definition: ruleDefinitionSchema.parse(JSON.parse(row.definition)), savedAt: row.saved_at }));
}
