import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { HubClient } from '../hubClient';
import type { HubMember } from '../hubInputs';
import { hubSchemaVersion, migrateHub } from '../hubMigrate';
import { newId } from '../../ids';
import { newTeamKey, seal } from '../teamKey';
import { usePrivatePostgres } from '../testing/usePrivatePostgres';
import { newTestHub } from '../testing/testHub';
import { HUB_MIGRATIONS } from './index';

const postgres = usePrivatePostgres();
const { cleanups } = postgres;

const sqlAs = async (member: HubMember) => {
  const client = new pg.Client({ connectionString: postgres.cluster.url(new URL(member.url).pathname.slice(1), { user: member.role, password: member.password }) });
  await client.connect();
  cleanups.push(() => client.end());
  return client;
};

describe('hub migration 3 (lease holders)', () => {
  it('upgrades a version 2 hub whose leases name nobody, then names the holder the hub saw log in, whatever the desktop writes', async () => {
    const hub = await newTestHub(postgres.cluster, { migrate: false });
    cleanups.push(() => hub.close());
    await migrateHub(hub.owner, HUB_MIGRATIONS.slice(0, 2));
    const workspaceId = await hub.newWorkspace();
    const [julie, marc] = [await hub.newMember(workspaceId, { name: 'Julie' }), await hub.newMember(workspaceId, { name: 'Marc' })];
    const [before, after] = [newId(), newId()];
    const asJulie = await sqlAs(julie);
    await asJulie.query("INSERT INTO pieuvre.leases VALUES ($1, $2, $3, now(), now(), now() + interval '1 hour')", [workspaceId, before, julie.desktopId]);

    await migrateHub(hub.owner, HUB_MIGRATIONS.slice(0, 3));
    expect(await hubSchemaVersion(hub.owner)).toBe(3);
    const marcClient = await HubClient.connect(marc);
    cleanups.push(() => marcClient.close());
    expect(await marcClient.acquireLease(before, 60_000)).toMatchObject({ isHeld: false, heldBy: { holderDesktopId: julie.desktopId, holderName: null } });

    // Julie's desktop claims Marc took it: the hub writes down who logged in.
    await asJulie.query(
      "INSERT INTO pieuvre.leases (workspace_id, account_id, holder_desktop_id, holder_role, acquired_at, heartbeat_at, expires_at) VALUES ($1, $2, $3, $4, now(), now(), now() + interval '1 hour')",
      [workspaceId, after, julie.desktopId, marc.role],
    );
    expect(await marcClient.acquireLease(after, 60_000)).toMatchObject({ isHeld: false, heldBy: { holderName: 'Julie' } });
    await asJulie.query('UPDATE pieuvre.leases SET holder_role = $1', [marc.role]);
    expect((await hub.owner.query('SELECT DISTINCT holder_role FROM pieuvre.leases')).rows).toEqual([{ holder_role: julie.role }]);
  });

  it('keeps withdrawn accounts inside their workspace', async () => {
    const hub = await newTestHub(postgres.cluster);
    cleanups.push(() => hub.close());
    const [mine, theirs] = [await hub.newWorkspace('A'), await hub.newWorkspace('B')];
    const [julie, stranger] = [await hub.newMember(mine), await hub.newMember(theirs)];
    const accountId = newId();
    const asJulie = await HubClient.connect(julie);
    cleanups.push(() => asJulie.close());
    await asJulie.putSealedSecret(seal(newTeamKey(), `account:${accountId}:session`, 'jeton'));
    expect(await asJulie.withdrawAccount(accountId)).toBe(1);

    const asStranger = await sqlAs(stranger);
    expect((await asStranger.query('SELECT * FROM pieuvre.withdrawn_accounts')).rows).toEqual([]);
    await expect(asStranger.query('INSERT INTO pieuvre.withdrawn_accounts (workspace_id, account_id) VALUES ($1, $2)', [mine, newId()])).rejects.toThrow('row-level security');
    expect((await asStranger.query('DELETE FROM pieuvre.withdrawn_accounts')).rowCount).toBe(0);
    expect((await hub.owner.query('SELECT account_id, withdrawn_by_role FROM pieuvre.withdrawn_accounts')).rows).toEqual([{ account_id: accountId, withdrawn_by_role: julie.role }]);
  });
});
