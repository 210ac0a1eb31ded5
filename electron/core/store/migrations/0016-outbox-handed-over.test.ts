import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fillEveryTable } from '../../testing/fillEveryTable';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 16 (outbox handed over)', () => {
  it('keeps every outbox row, none of them known to have been handed over', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 15));
    fillEveryTable(db);
    const before = db.prepare('SELECT id, state FROM outbox').all();
    expect(before).toHaveLength(1);
    expect(migrate(db, MIGRATIONS.slice(0, 16))).toBe(16);
    expect(db.prepare('SELECT id, state FROM outbox').all()).toEqual(before);
    expect(db.prepare('SELECT first_handed_over_at FROM outbox').get()).toEqual({ first_handed_over_at: null });
  });
});
