import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fillEveryTable } from '../../testing/fillEveryTable';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 19 (rules)', () => {
  it('adds strict rule tables that go with their rule, and keeps existing notes, contacts and sends as they were', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 18));
    fillEveryTable(db);
    const before = db.prepare('SELECT count(*) AS n FROM notes').get();
    expect(migrate(db, MIGRATIONS.slice(0, 19))).toBe(19);
    for (const table of ['rules', 'rule_versions', 'rule_fires', 'rule_timers', 'rule_round_robin', 'person_notices', 'sensitive_topics']) {
      expect(db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(table), table).toEqual({ strict: 1 });
    }
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual(before);
    expect(db.prepare("SELECT DISTINCT kind, mentions FROM notes").all()).toEqual([{ kind: 'note', mentions: '[]' }]);
    expect(db.prepare('SELECT DISTINCT is_vip, is_verified FROM contacts').all()).toEqual([{ is_vip: 0, is_verified: null }]);
    expect(db.prepare('SELECT count(*) AS n FROM outbox WHERE rule_seq IS NOT NULL OR held_reason IS NOT NULL').get()).toEqual({ n: 0 });

    const insertRule = db.prepare("INSERT INTO rules (id, position, name, is_enabled, built_in, trigger_type, definition, created_at, updated_at) VALUES (?, 0, 'r', 1, ?, 'messageArrived', '{}', 1, 1)");
    const rule = insertRule.run('r1', 'spam').lastInsertRowid;
    expect(() => insertRule.run('r2', 'spam')).toThrow(/UNIQUE/);
    expect(() => insertRule.run('r3', 'other')).toThrow(/CHECK/);
    const conversation = (db.prepare('SELECT seq FROM conversations').get() as { seq: number }).seq;
    db.prepare("INSERT INTO rule_versions (rule_seq, version, definition, saved_at) VALUES (?, 1, '{}', 1)").run(rule);
    db.prepare("INSERT INTO rule_fires (rule_seq, conversation_seq, fire_key, at) VALUES (?, ?, 'reply', 1)").run(rule, conversation);
    db.prepare('INSERT INTO rule_timers (rule_seq, conversation_seq, due_at) VALUES (?, ?, 5)').run(rule, conversation);
    db.prepare('DELETE FROM rules WHERE seq = ?').run(rule);
    for (const table of ['rule_versions', 'rule_fires', 'rule_timers']) expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    expect(() => db.prepare("INSERT INTO sensitive_topics (id, name, words, starts_on, ends_on, created_at, updated_at) VALUES ('t', 'x', '[]', '2026-12-05', '2026-12-01', 1, 1)").run()).toThrow(/CHECK/);
  });
});
