import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 25 (hub sign-ins)', () => {
  it('keeps one change per account, signed in or out, and refuses anything else', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 24));
    expect(migrate(db, MIGRATIONS.slice(0, 25))).toBe(25);
    const put = db.prepare('INSERT INTO hub_sign_ins (account_id, change, made_at) VALUES (?, ?, ?)');
    put.run('a1', 'signedOut', 1);
    expect(() => put.run('a1', 'signedIn', 2)).toThrow('UNIQUE');
    expect(() => put.run('a2', 'removed', 2)).toThrow('CHECK');
    expect(db.prepare('SELECT * FROM hub_sign_ins').all()).toEqual([{ account_id: 'a1', change: 'signedOut', made_at: 1 }]);
  });
});
