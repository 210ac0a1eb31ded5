import type { Migration } from '../migrate';

/**
 * What the wave-2 platforms (Facebook, Instagram, YouTube, X, Reddit) need beyond wave 1's accounts.
 *
 * - `platform_apps`: the person's own app on each platform ("bring your own app": a Meta app in
 *   Development mode, a Google desktop client, an X native app, a Reddit installed app), by its
 *   public client id. Its client secret, when the platform gives one, is in the secret store
 *   (`has_secret` only says it is there): never in SQLite.
 * - `account_usage`: what an account's calls cost per period, as the platform counts it:
 *   YouTube's quota units per Pacific day (`2026-12-05`), X's dollars per month (`2026-12`).
 *   `calls` counts the calls that made it. Polling slows before a budget runs out.
 * - `accounts.monthly_budget`: the spending limit the person sets (X's pay-per-use, in USD).
 */
export const platformAppsAndUsage: Migration = {
  version: 21,
  name: 'platform apps and usage',
  up(db) {
    db.exec(`
      CREATE TABLE platform_apps (
        platform TEXT PRIMARY KEY CHECK (platform IN ('facebook', 'instagram', 'youtube', 'x', 'reddit')),
        client_id TEXT NOT NULL CHECK (length(client_id) BETWEEN 1 AND 256),
        has_secret INTEGER NOT NULL DEFAULT 0 CHECK (has_secret IN (0, 1)),
        updated_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE account_usage (
        account_seq INTEGER NOT NULL REFERENCES accounts (seq) ON DELETE CASCADE,
        period TEXT NOT NULL CHECK (length(period) BETWEEN 4 AND 16),
        amount REAL NOT NULL DEFAULT 0 CHECK (amount >= 0),
        calls INTEGER NOT NULL DEFAULT 0 CHECK (calls >= 0),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (account_seq, period)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE accounts ADD COLUMN monthly_budget REAL CHECK (monthly_budget IS NULL OR monthly_budget >= 0);
    `);
  },
};
