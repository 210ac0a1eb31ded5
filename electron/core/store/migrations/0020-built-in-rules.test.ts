import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../rules/ruleSet';
import { fillEveryTable } from '../../testing/fillEveryTable';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

type RuleRow = { seq: number; id: string; position: number; name: string; is_enabled: number; built_in: string; trigger_type: string; definition: string; version: number };

const at19 = () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 19));
  return db;
};
const rulesOf = (db: Database.Database) => db.prepare<[], RuleRow>('SELECT seq, id, position, name, is_enabled, built_in, trigger_type, definition, version FROM rules ORDER BY position').all();

describe('migration 20 (built-in rules)', () => {
  it('turns the workspace’s crisis keywords, as they are, into the built-in crisis rule, adds the obvious-spam rule, both on, and drops the keyword table', () => {
    const db = at19();
    db.exec("DELETE FROM crisis_keywords WHERE keyword = 'avocat'; INSERT INTO crisis_keywords (keyword, language) VALUES ('salmonelle', 'fr')");
    const keywords = db.prepare<[], { keyword: string }>('SELECT keyword FROM crisis_keywords ORDER BY seq').all().map((row) => row.keyword);
    expect(migrate(db, MIGRATIONS.slice(0, 20))).toBe(20);

    const [crisis, spam, ...others] = rulesOf(db);
    expect(others).toEqual([]);
    expect(crisis).toMatchObject({ position: 0, name: 'Mots de crise / Crisis words', is_enabled: 1, built_in: 'crisis', trigger_type: 'messageArrived', version: 1 });
    expect(spam).toMatchObject({ position: 1, name: 'Pourriel évident / Obvious spam', is_enabled: 1, built_in: 'spam', trigger_type: 'messageArrived', version: 1 });
    expect(crisis?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(crisis?.id).not.toBe(spam?.id);
    // What the engine runs: both compile, with the keywords in the table's order and the spam threshold.
    const compiledCrisis = compileRule(crisis ?? ({} as RuleRow));
    expect(compiledCrisis).toMatchObject({ actions: [{ type: 'markUrgent' }], stopProcessing: false, trigger: { type: 'messageArrived' } });
    expect(JSON.parse(crisis?.definition ?? '').when).toEqual({ all: [{ field: 'text', op: 'containsAny', values: keywords, negate: false }] });
    expect(keywords).toContain('salmonelle');
    expect(keywords).not.toContain('avocat');
    expect(compileRule(spam ?? ({} as RuleRow))).toMatchObject({ actions: [{ type: 'markSpam' }] });
    expect(JSON.parse(spam?.definition ?? '').when).toEqual({ all: [{ field: 'spamScore', op: 'greaterThan', value: 0.7, negate: false }] });

    // Each rule's first version, whole, as every later save keeps it.
    const versions = db.prepare<[], { rule_seq: number; version: number; definition: string }>('SELECT rule_seq, version, definition FROM rule_versions ORDER BY rule_seq').all();
    expect(versions.map((row) => [row.rule_seq, row.version, JSON.parse(row.definition)])).toEqual([
      [crisis?.seq, 1, { ...JSON.parse(crisis?.definition ?? ''), name: 'Mots de crise / Crisis words', isEnabled: true }],
      [spam?.seq, 1, { ...JSON.parse(spam?.definition ?? ''), name: 'Pourriel évident / Obvious spam', isEnabled: true }],
    ]);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'crisis_keywords'").get()).toBeUndefined();
  });

  it('seeds no crisis rule for a workspace without keywords, and never a second built-in rule', () => {
    const db = at19();
    db.exec('DELETE FROM crisis_keywords');
    migrate(db, MIGRATIONS.slice(0, 20));
    expect(rulesOf(db).map((rule) => rule.built_in)).toEqual(['spam']);

    const filled = at19();
    fillEveryTable(filled);
    const before = rulesOf(filled);
    migrate(filled, MIGRATIONS.slice(0, 20));
    // The filled row already is the crisis rule: kept as it is, the spam rule added after it.
    const position = before[0]?.position ?? 0;
    expect(rulesOf(filled).map((rule) => [rule.built_in, rule.position])).toEqual([[before[0]?.built_in, position], ['spam', position + 1]]);
    expect(filled.pragma('foreign_key_check')).toEqual([]);
  });
});
