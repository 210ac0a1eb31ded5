import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 9 (ledger)', () => {
  it('gives every person, existing ones included, a 90-minute break reminder, and refuses one over 8 hours', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 8));
    db.exec("INSERT INTO people (id, is_me, name, created_at, updated_at) VALUES ('me', 1, '', 0, 0)");
    expect(migrate(db, MIGRATIONS.slice(0, 9))).toBe(9);
    expect(db.prepare('SELECT break_reminder_minutes FROM people').all()).toEqual([{ break_reminder_minutes: 90 }]);
    db.exec('UPDATE people SET break_reminder_minutes = 0');
    expect(() => db.exec('UPDATE people SET break_reminder_minutes = 481')).toThrow(/CHECK constraint/);
  });
});
