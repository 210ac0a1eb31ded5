import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from './migrate';
import { MIGRATIONS } from './migrations';

const tablesOf = (db: Database.Database) =>
  db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'message_search%'").all();

describe('migrate', () => {
  it('migration 1 creates every core table, STRICT, and records user_version 1', () => {
    const db = new Database(':memory:');
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toBe(1);
    const tables = tablesOf(db);
    expect(tables.map((table) => table.name).sort()).toEqual(
      ['accounts', 'activity', 'contacts', 'conversation_counts', 'conversation_tags', 'conversations', 'messages', 'notes', 'posts', 'rejected_items', 'tags'],
    );
    expect(tables.filter((table) => table.strict !== 1)).toEqual([]);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'message_search'").get()).toMatchObject({
      sql: expect.stringContaining("tokenize = 'unicode61 remove_diacritics 2'"),
    });
  });

  it('migration 2 adds saved views on top of a version-1 database holding data', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    db.exec("INSERT INTO tags (id, name, created_at) VALUES ('t', 'vip', 0)");
    expect(migrate(db, MIGRATIONS.slice(0, 2))).toBe(2);
    expect(tablesOf(db).map((table) => table.name)).toContain('saved_views');
    expect(db.prepare('SELECT name FROM tags').all()).toEqual([{ name: 'vip' }]);
    expect(() => db.exec("INSERT INTO saved_views (id, name, filter, position, created_at) VALUES ('v', 'x', 'not json', 1, 0)")).toThrow(/CHECK constraint/);
  });

  it('applies only the migrations a database has not seen', () => {
    const db = new Database(':memory:');
    const applied: number[] = [];
    const step = (version: number): Migration => ({ version, name: `step ${version}`, up: () => void applied.push(version) });
    migrate(db, [step(1), step(2)]);
    migrate(db, [step(1), step(2), step(3)]);
    expect(applied).toEqual([1, 2, 3]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
  });

  it('rolls a failing migration back whole and keeps the previous version', () => {
    const db = new Database(':memory:');
    const failing: Migration = {
      version: 2,
      name: 'half done',
      up: (tx) => {
        tx.exec('CREATE TABLE half (x INTEGER)');
        throw new Error('disk full');
      },
    };
    expect(() => migrate(db, [{ version: 1, name: 'one', up: () => {} }, failing])).toThrow('disk full');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'").get()).toEqual({ n: 0 });
  });

  it('refuses migrations that are out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'skipped one', up: () => {} }])).toThrow(/has version 2; expected 1/);
  });
});
