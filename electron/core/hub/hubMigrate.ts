import type pg from 'pg';
import { HubSchemaError } from './hubSchemaError';
import { inTransaction } from './inTransaction';
import { HUB_MIGRATIONS } from './hubMigrations';

export type HubMigration = {
  /** 1-based, contiguous: migration N brings the hub from N-1 to N. */
  version: number;
  name: string;
  sql: string;
};

// Any fixed number ('pieu'): desktops of one team upgrading the hub at once take turns on it.
const MIGRATION_LOCK = 0x70_69_65_75;

/**
 * Where the version lives, made before any migration: the one part that never changes. One
 * row, so the version cannot be read two ways.
 */
const BOOTSTRAP = `
  CREATE SCHEMA IF NOT EXISTS pieuvre;
  CREATE TABLE IF NOT EXISTS pieuvre.hub_schema (
    is_the_row boolean PRIMARY KEY DEFAULT true CHECK (is_the_row),
    version integer NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  );`;

/** The hub's schema version, 0 for a database Pieuvre never set up. */
export async function hubSchemaVersion(client: pg.ClientBase): Promise<number> {
  const table = await client.query<{ name: string | null }>("SELECT to_regclass('pieuvre.hub_schema') AS name");
  if (table.rows[0]?.name === null) return 0;
  const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM pieuvre.hub_schema');
  return rows[0]?.version ?? 0;
}

/**
 * Brings the hub up to this app's schema, as the role that will own it (the team's creator):
 * each migration in its own transaction with its version row, so a failure leaves a whole
 * version. Refuses a hub newer than the app, before writing anything.
 */
export async function migrateHub(client: pg.ClientBase, migrations: readonly HubMigration[] = HUB_MIGRATIONS): Promise<number> {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Hub migration "${migration.name}" has version ${migration.version}; expected ${index + 1}.`);
  });
  const known = await hubSchemaVersion(client);
  if (known > migrations.length) throw new HubSchemaError('newer', known, migrations.length);
  if (known === migrations.length) return known;
  for (const migration of migrations.slice(known)) {
    await inTransaction(client, async () => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(BOOTSTRAP);
      const current = await hubSchemaVersion(client);
      if (current > migrations.length) throw new HubSchemaError('newer', current, migrations.length);
      // Another desktop got there first.
      if (current >= migration.version) return;
      await client.query(migration.sql);
      await client.query(
        'INSERT INTO pieuvre.hub_schema (version) VALUES ($1) ON CONFLICT (is_the_row) DO UPDATE SET version = EXCLUDED.version, updated_at = now()',
        [migration.version],
      );
    });
  }
  return hubSchemaVersion(client);
}

/** A teammate's check before using the hub: exactly the schema this app speaks. */
export async function checkHubSchema(client: pg.ClientBase, appVersion = HUB_MIGRATIONS.length): Promise<void> {
  const version = await hubSchemaVersion(client);
  if (version > appVersion) throw new HubSchemaError('newer', version, appVersion);
  if (version < appVersion) throw new HubSchemaError('older', version, appVersion);
}
