import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 15 (real accounts)', () => {
  it('moves each poll cursor to a named cursor, and gives accounts, messages and contacts what real platforms need', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 14));
    db.exec(`
      INSERT INTO accounts (id, platform, external_id, name, handle, is_demo, poll_cursor, created_at, updated_at) VALUES
        ('demo', 'x', 'brand', 'Brand', '@brand', 1, '120', 0, 5),
        ('fresh', 'mastodon', 'brand2', 'Brand', '@brand', 0, NULL, 0, 0);
    `);
    expect(migrate(db, MIGRATIONS.slice(0, 15))).toBe(15);
    expect(db.prepare('SELECT account_seq, name, value, updated_at FROM account_cursors').all()).toEqual([{ account_seq: 1, name: 'stream', value: '120', updated_at: 5 }]);
    expect(db.prepare("SELECT is_paused, needs_reconnecting, sync_interval_ms, server FROM accounts WHERE id = 'fresh'").get()).toEqual({
      is_paused: 0,
      needs_reconnecting: 0,
      sync_interval_ms: 60_000,
      server: null,
    });
    expect(db.prepare('SELECT backfill_days, demo_removed_at, welcome_seen_at FROM data_settings').get()).toEqual({ backfill_days: 7, demo_removed_at: null, welcome_seen_at: null });
    expect(() => db.prepare("UPDATE accounts SET sync_interval_ms = 1000 WHERE id = 'fresh'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE accounts SET last_problem = 'not json' WHERE id = 'fresh'").run()).toThrow(/CHECK/);
    db.exec("DELETE FROM accounts WHERE id = 'demo'");
    expect(db.prepare('SELECT count(*) AS n FROM account_cursors').get()).toEqual({ n: 0 });
  });
});
