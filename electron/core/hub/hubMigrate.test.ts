import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient } from './hubClient';
import { HUB_MIGRATIONS } from './hubMigrations';
import { hubSchemaVersion, migrateHub } from './hubMigrate';
import { HubSchemaError } from './hubSchemaError';
import { startPrivatePostgres, type PrivatePostgres } from './testing/privatePostgres';
import { newTestHub, type TestHub } from './testing/testHub';

let cluster: PrivatePostgres;
const hubs: TestHub[] = [];
beforeAll(async () => {
  cluster = await startPrivatePostgres();
}, 120_000);
afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.close()));
  cluster?.stop();
});
const freshHub = async (migrate = true) => {
  const hub = await newTestHub(cluster, { migrate });
  hubs.push(hub);
  return hub;
};
const tablesOf = async (hub: TestHub) =>
  (await hub.owner.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'pieuvre' ORDER BY 1")).rows.map((row) => row.name);

describe('hub migrations', () => {
  it('bring an empty database to the latest schema, owned by the role that ran them, and a second run changes nothing', async () => {
    const hub = await freshHub(false);
    expect(await hubSchemaVersion(hub.owner)).toBe(0);
    expect(await migrateHub(hub.owner)).toBe(HUB_MIGRATIONS.length);
    expect(await tablesOf(hub)).toEqual(['changes', 'hub_schema', 'key_envelopes', 'leases', 'members', 'sealed_secrets', 'withdrawn_accounts', 'workspaces']);
    const owners = await hub.owner.query<{ owner: string }>("SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'pieuvre'");
    expect(owners.rows).toEqual([{ owner: (await hub.owner.query<{ me: string }>('SELECT current_user AS me')).rows[0]?.me }]);

    const workspaceId = await hub.newWorkspace('Café Bonheur');
    expect(await migrateHub(hub.owner)).toBe(HUB_MIGRATIONS.length);
    expect((await hub.owner.query('SELECT id FROM pieuvre.workspaces')).rows).toEqual([{ id: workspaceId }]);
    expect((await hub.owner.query('SELECT version FROM pieuvre.hub_schema')).rows).toEqual([{ version: HUB_MIGRATIONS.length }]);
  });

  it('take turns when two desktops set up the same hub at once', async () => {
    const hub = await freshHub(false);
    const second = new pg.Client({ connectionString: hub.ownerUrl });
    await second.connect();
    try {
      expect(await Promise.all([migrateHub(hub.owner), migrateHub(second)])).toEqual([HUB_MIGRATIONS.length, HUB_MIGRATIONS.length]);
    } finally {
      await second.end();
    }
    expect(await tablesOf(hub)).toHaveLength(8);
  });

  it('refuse a hub whose schema is newer than the app knows, naming both versions, and write nothing', async () => {
    const hub = await freshHub();
    const newer = HUB_MIGRATIONS.length + 1;
    await hub.owner.query('UPDATE pieuvre.hub_schema SET version = $1', [newer]);
    const refusal = await migrateHub(hub.owner).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HubSchemaError);
    expect(refusal).toMatchObject({ reason: 'newer', hubVersion: newer, appVersion: HUB_MIGRATIONS.length });
    expect(String(refusal)).toContain(`version ${newer}, newer than this Pieuvre knows (version ${HUB_MIGRATIONS.length})`);

    const workspaceId = await hub.newWorkspace();
    const member = await hub.newMember(workspaceId);
    await expect(HubClient.connect(member)).rejects.toThrow(`version ${newer}, newer than this Pieuvre knows (version ${HUB_MIGRATIONS.length})`);
    await hub.owner.query('UPDATE pieuvre.hub_schema SET version = $1', [HUB_MIGRATIONS.length - 1]);
    await expect(HubClient.connect(member)).rejects.toMatchObject({ reason: 'older', hubVersion: HUB_MIGRATIONS.length - 1 });
    await hub.owner.query('UPDATE pieuvre.hub_schema SET version = $1', [HUB_MIGRATIONS.length]);
    await (await HubClient.connect(member)).close();
  });

  it('refuse a migration list with a gap', async () => {
    const hub = await freshHub(false);
    await expect(migrateHub(hub.owner, [{ ...HUB_MIGRATIONS[0], version: 2 } as (typeof HUB_MIGRATIONS)[number]])).rejects.toThrow('expected 1');
    expect(await hubSchemaVersion(hub.owner)).toBe(0);
  });
});
