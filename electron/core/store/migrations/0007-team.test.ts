import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 7 (team)', () => {
  it('keeps people and accounts, with default preferences, no avatar and no business hours', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 6));
    db.exec(`INSERT INTO people (id, is_me, name, created_at, updated_at) VALUES ('me', 1, 'Ana', 0, 0);
      INSERT INTO accounts (id, platform, external_id, name, handle, created_at, updated_at) VALUES ('a', 'facebook', 'p', 'Page', '@p', 0, 0)`);
    expect(migrate(db, MIGRATIONS.slice(0, 7))).toBe(7);
    expect(db.prepare('SELECT name, avatar_url, notification_preferences, is_on_call FROM people').all()).toEqual([
      { name: 'Ana', avatar_url: null, notification_preferences: '{}', is_on_call: 0 },
    ]);
    expect(db.prepare('SELECT business_hours FROM accounts').all()).toEqual([{ business_hours: null }]);
    expect(() => db.exec("UPDATE accounts SET business_hours = 'nine to five'")).toThrow(/CHECK constraint/);
    expect(() => db.exec("UPDATE people SET notification_preferences = 'loud'")).toThrow(/CHECK constraint/);
  });

  it('holds one rota whose members leave it with the person', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 7));
    db.exec(`INSERT INTO people (seq, id, name, created_at, updated_at) VALUES (1, 'p1', 'Ana', 0, 0), (2, 'p2', 'Ben', 0, 0);
      INSERT INTO on_call_rota VALUES (1, 1, '2026-03-01', 'mon', '09:00', 'America/Toronto', 0);
      INSERT INTO on_call_rota_members (position, person_seq) VALUES (0, 2), (1, 1)`);
    expect(() => db.exec("INSERT INTO on_call_rota VALUES (2, 1, '2026-03-01', 'mon', '09:00', 'UTC', 0)")).toThrow(/CHECK constraint/);
    expect(() => db.exec("UPDATE on_call_rota SET handover_weekday = 'lundi'")).toThrow(/CHECK constraint/);
    expect(() => db.exec('INSERT INTO on_call_rota_members (position, person_seq) VALUES (2, 1)')).toThrow(/UNIQUE constraint/);
    db.exec("DELETE FROM people WHERE id = 'p2'");
    expect(db.prepare('SELECT position, person_seq FROM on_call_rota_members').all()).toEqual([{ position: 1, person_seq: 1 }]);
  });
});
