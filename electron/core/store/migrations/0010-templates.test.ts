import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from '.';

describe('migration 10: templates', () => {
  it('adds templates, their variants and the settings row on top of a version-9 database', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 9));
    expect(migrate(db, MIGRATIONS.slice(0, 10))).toBe(10);
    for (const table of ['templates', 'template_variants', 'template_settings']) {
      expect(db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(table)).toEqual({ strict: 1 });
    }
    expect(db.prepare('SELECT default_language, demo_seeded FROM template_settings').all()).toEqual([{ default_language: 'fr', demo_seeded: 0 }]);
    expect(() => db.exec("INSERT INTO template_settings (id, default_language) VALUES (2, 'en')")).toThrow(/CHECK constraint/);

    const insert = db.prepare("INSERT INTO templates (id, name, shortcut, tags, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)");
    insert.run('t1', 'Merci', 'merci', '["politesse"]');
    expect(() => insert.run('t2', 'Merci encore', 'merci', '[]')).toThrow(/UNIQUE constraint failed: templates.shortcut/);
    expect(() => insert.run('t3', 'Tags', 'tags', '{"a": 1}')).toThrow(/CHECK constraint/);
    expect(() => insert.run('t4', '', 'vide', '[]')).toThrow(/CHECK constraint/);

    const variant = db.prepare("INSERT INTO template_variants (template_seq, language, platform, body, position) VALUES (1, ?, ?, 'Merci!', 0)");
    variant.run('fr', '');
    variant.run('fr', 'instagram');
    expect(() => variant.run('fr', '')).toThrow(/UNIQUE constraint/);
    db.pragma('foreign_keys = ON');
    db.exec("DELETE FROM templates WHERE id = 't1'");
    expect(db.prepare('SELECT count(*) AS n FROM template_variants').get()).toEqual({ n: 0 });
  });
});
