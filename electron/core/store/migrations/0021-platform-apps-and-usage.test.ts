import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 21 (platform apps and usage)', () => {
  it('keeps each platform’s app by client id, each account’s usage per period and a budget, refusing what makes no sense', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 20));
    db.exec("INSERT INTO accounts (id, platform, external_id, name, handle, is_demo, created_at, updated_at) VALUES ('yt', 'youtube', 'UC1', 'Brand', '@brand', 0, 0, 0)");
    expect(migrate(db, MIGRATIONS.slice(0, 21))).toBe(21);

    db.exec("INSERT INTO platform_apps (platform, client_id, has_secret, updated_at) VALUES ('youtube', '123.apps.googleusercontent.com', 1, 5)");
    expect(() => db.exec("INSERT INTO platform_apps (platform, client_id, updated_at) VALUES ('bluesky', 'x', 5)")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO platform_apps (platform, client_id, updated_at) VALUES ('x', '', 5)")).toThrow(/CHECK/);

    db.exec("INSERT INTO account_usage (account_seq, period, amount, calls, updated_at) SELECT seq, '2026-12-05', 51, 2, 5 FROM accounts WHERE id = 'yt'");
    expect(() => db.exec("UPDATE account_usage SET amount = -1")).toThrow(/CHECK/);
    expect(db.prepare("SELECT monthly_budget FROM accounts WHERE id = 'yt'").get()).toEqual({ monthly_budget: null });
    expect(() => db.exec("UPDATE accounts SET monthly_budget = -5 WHERE id = 'yt'")).toThrow(/CHECK/);

    db.exec("DELETE FROM accounts WHERE id = 'yt'");
    expect(db.prepare('SELECT count(*) AS n FROM account_usage').get()).toEqual({ n: 0 });
  });
});
