import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient } from '../hubClient';
import type { HubMember } from '../hubInputs';
import { hubSchemaVersion, migrateHub } from '../hubMigrate';
import { newDeskKeyPair, openTeamKey } from '../keyEnvelope';
import { rotateTeamKey, sealPendingEnvelopes } from '../keyEnvelopes';
import { removeMember } from '../hubAdmin';
import { newTeamKey } from '../teamKey';
import { startPrivatePostgres, type PrivatePostgres } from '../testing/privatePostgres';
import { newTestHub, type TestHub } from '../testing/testHub';
import { HUB_MIGRATIONS } from './index';

let cluster: PrivatePostgres;
let hub: TestHub;
let upgradedTo = 0;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  cluster = await startPrivatePostgres();
  hub = await newTestHub(cluster, { migrate: false });
  await migrateHub(hub.owner, HUB_MIGRATIONS.slice(0, 1));
  await hub.newWorkspace('Avant');
  await migrateHub(hub.owner, HUB_MIGRATIONS.slice(0, 2));
  upgradedTo = await hubSchemaVersion(hub.owner);
  // The desktops below connect, and a desktop speaks only the newest schema.
  await migrateHub(hub.owner);
}, 120_000);
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await hub?.close();
  cluster?.stop();
});

const sqlAs = async (member: HubMember) => {
  const client = new pg.Client({ connectionString: cluster.url(hub.database, { user: member.role, password: member.password }) });
  await client.connect();
  cleanups.push(() => client.end());
  return client;
};
const connect = async (member: HubMember) => {
  const client = await HubClient.connect(member);
  cleanups.push(() => client.close());
  return client;
};

describe('hub migration 2 (key envelopes)', () => {
  it('upgrades a version 1 hub with its workspaces, and secures the envelopes', async () => {
    expect(upgradedTo).toBe(2);
    expect((await hub.owner.query('SELECT name FROM pieuvre.workspaces')).rows).toEqual([{ name: 'Avant' }]);
    const { rows } = await hub.owner.query<{ isSecured: boolean }>("SELECT relrowsecurity AS \"isSecured\" FROM pg_class WHERE oid = 'pieuvre.key_envelopes'::regclass");
    expect(rows).toEqual([{ isSecured: true }]);
  });

  it('lets a member set its own public key and nothing else', async () => {
    const workspaceId = await hub.newWorkspace();
    const [julie, marc] = [await hub.newMember(workspaceId, { name: 'Julie' }), await hub.newMember(workspaceId, { name: 'Marc' })];
    const asMarc = await sqlAs(marc);
    const key = newDeskKeyPair().publicKey;
    expect((await asMarc.query('UPDATE pieuvre.members SET public_key = $1 WHERE role_name = $2', [key, marc.role])).rowCount).toBe(1);
    expect((await asMarc.query('UPDATE pieuvre.members SET public_key = $1 WHERE role_name = $2', [key, julie.role])).rowCount).toBe(0);
    await expect(asMarc.query("UPDATE pieuvre.members SET display_name = 'Patron' WHERE role_name = $1", [marc.role])).rejects.toThrow('permission denied');
    await expect(asMarc.query('UPDATE pieuvre.members SET public_key = $1 WHERE role_name = $2', [Buffer.alloc(5), marc.role])).rejects.toThrow('check constraint');
    const stored = await hub.owner.query<{ role_name: string; has_key: boolean }>('SELECT role_name, public_key IS NOT NULL AS has_key FROM pieuvre.members WHERE workspace_id = $1 ORDER BY display_name', [workspaceId]);
    expect(stored.rows).toEqual([
      { role_name: julie.role, has_key: false },
      { role_name: marc.role, has_key: true },
    ]);
    await expect((await connect(marc)).members()).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ role: marc.role, hasPublicKey: true })]));

    await removeMember(hub.owner, workspaceId, marc.role);
    expect((await asMarc.query('UPDATE pieuvre.members SET public_key = $1 WHERE role_name = $2', [newDeskKeyPair().publicKey, marc.role])).rowCount).toBe(0);
  });

  it('shows a member only its own envelopes, lets no member write one, and seals for current members with a key only', async () => {
    const workspaceId = await hub.newWorkspace();
    const desks = { julie: newDeskKeyPair(), marc: newDeskKeyPair() };
    const [julie, marc, lea] = [await hub.newMember(workspaceId, { name: 'Julie' }), await hub.newMember(workspaceId, { name: 'Marc' }), await hub.newMember(workspaceId, { name: 'Léa' })];
    const [asJulie, asMarc] = [await connect(julie), await connect(marc)];
    await asJulie.publishPublicKey(desks.julie.publicKey);
    await asMarc.publishPublicKey(desks.marc.publicKey);
    await expect(asMarc.publishPublicKey(Buffer.alloc(31))).rejects.toThrow('A desktop’s public key is 32 bytes.');

    const [v1, v2] = [newTeamKey(1), newTeamKey(2)];
    await removeMember(hub.owner, workspaceId, marc.role);
    expect(await rotateTeamKey(hub.owner, workspaceId, v1, v2)).toBe(1);
    const envelope = await asJulie.newerEnvelope(1);
    expect(envelope).toMatchObject({ role: julie.role, keyVersion: 2 });
    expect(openTeamKey(desks.julie.privateJwk, workspaceId, envelope!)).toEqual(v2);
    expect(await asJulie.newerEnvelope(2)).toBeNull();

    // Léa publishes after the rotation: the owner's next pass seals hers, and only hers.
    const asLea = await connect(lea);
    expect(await asLea.newerEnvelope(1)).toBeNull();
    await asLea.publishPublicKey(newDeskKeyPair().publicKey);
    expect(await sealPendingEnvelopes(hub.owner, workspaceId, v2)).toBe(1);
    expect(await sealPendingEnvelopes(hub.owner, workspaceId, v2)).toBe(0);

    const sql = await sqlAs(julie);
    expect((await sql.query('SELECT role_name FROM pieuvre.key_envelopes')).rows).toEqual([{ role_name: julie.role }]);
    const [row] = (await hub.owner.query('SELECT ephemeral_public_key, nonce, ciphertext FROM pieuvre.key_envelopes WHERE role_name = $1', [julie.role])).rows;
    await expect(sql.query('INSERT INTO pieuvre.key_envelopes (workspace_id, role_name, key_version, ephemeral_public_key, nonce, ciphertext) VALUES ($1, $2, 3, $3, $4, $5)', [workspaceId, lea.role, row.ephemeral_public_key, row.nonce, row.ciphertext])).rejects.toThrow('permission denied');
    await expect(sql.query('DELETE FROM pieuvre.key_envelopes')).rejects.toThrow('permission denied');
    expect((await hub.owner.query('SELECT role_name FROM pieuvre.key_envelopes WHERE workspace_id = $1 ORDER BY role_name', [workspaceId])).rows.map((r) => r.role_name)).toEqual([julie.role, lea.role].sort());
  });
});
