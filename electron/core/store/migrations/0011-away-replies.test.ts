import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from '.';

describe('migration 11: away replies', () => {
  it('adds the settings with one workspace default, off, on top of a version-10 database holding an account and a template', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 10));
    db.exec(`
      INSERT INTO accounts (id, platform, external_id, name, handle, created_at, updated_at) VALUES ('a1', 'facebook', 'page', 'Page', '@page', 0, 0);
      INSERT INTO templates (id, name, shortcut, created_at, updated_at) VALUES ('t1', 'Fermé', 'ferme', 0, 0);
    `);
    expect(migrate(db, MIGRATIONS.slice(0, 11))).toBe(11);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'away_reply_settings'").get()).toEqual({ strict: 1 });
    expect(db.prepare('SELECT account_seq, is_enabled, template_seq, includes_comments FROM away_reply_settings').all()).toEqual([
      { account_seq: null, is_enabled: 0, template_seq: null, includes_comments: 0 },
    ]);

    expect(() => db.exec('INSERT INTO away_reply_settings (account_seq, is_enabled, updated_at) VALUES (NULL, 1, 0)')).toThrow(/UNIQUE constraint/);
    const insert = db.prepare('INSERT INTO away_reply_settings (account_seq, is_enabled, template_seq, updated_at) VALUES (1, ?, 1, 0)');
    expect(() => insert.run(2)).toThrow(/CHECK constraint/);
    insert.run(1);
    expect(() => insert.run(1)).toThrow(/UNIQUE constraint failed: away_reply_settings.account_seq/);

    db.pragma('foreign_keys = ON');
    db.exec("DELETE FROM templates WHERE id = 't1'");
    expect(db.prepare('SELECT template_seq FROM away_reply_settings WHERE account_seq = 1').get()).toEqual({ template_seq: null });
    db.exec("DELETE FROM accounts WHERE id = 'a1'");
    expect(db.prepare('SELECT count(*) AS n FROM away_reply_settings').get()).toEqual({ n: 1 });
  });
});
