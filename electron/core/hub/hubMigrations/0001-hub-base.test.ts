import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../ids';
import { migrateHub } from '../hubMigrate';
import { startPrivatePostgres, type PrivatePostgres } from '../testing/privatePostgres';
import { newTestHub, type TestHub } from '../testing/testHub';
import { HUB_MIGRATIONS } from './index';

let cluster: PrivatePostgres;
let hub: TestHub;
beforeAll(async () => {
  cluster = await startPrivatePostgres();
  hub = await newTestHub(cluster, { migrate: false });
  await migrateHub(hub.owner, HUB_MIGRATIONS.slice(0, 1));
}, 120_000);
afterAll(async () => {
  await hub?.close();
  cluster?.stop();
});

describe('hub migration 1 (hub base)', () => {
  it('puts row-level security on every table holding a workspace’s rows', async () => {
    const { rows } = await hub.owner.query<{ name: string; isSecured: boolean }>(
      `SELECT c.relname AS name, c.relrowsecurity AS "isSecured" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'pieuvre' AND c.relkind = 'r' ORDER BY 1`,
    );
    expect(rows).toEqual([
      { name: 'changes', isSecured: true },
      { name: 'hub_schema', isSecured: false },
      { name: 'leases', isSecured: true },
      { name: 'members', isSecured: true },
      { name: 'sealed_secrets', isSecured: true },
      { name: 'workspaces', isSecured: true },
    ]);
  });

  it('stamps each change with the hub’s order, author and arrival time, whatever the desktop wrote there', async () => {
    const workspaceId = await hub.newWorkspace();
    const member = await hub.newMember(workspaceId);
    const session = new pg.Client({ connectionString: cluster.url(hub.database, { user: member.role, password: member.password }) });
    await session.connect();
    try {
      const insert = () =>
        session.query<{ seq: string; author_role: string; received_at: Date }>(
          `INSERT INTO pieuvre.changes (id, seq, workspace_id, desktop_id, author_role, entity, entity_id, field, value, op, made_at, received_at)
           VALUES ($1, 1, $2, $3, 'the_owner', 'conversation', 'c1', 'status', '"done"', 'set', now(), '2000-01-01') RETURNING seq, author_role, received_at`,
          [newId(), workspaceId, member.desktopId],
        );
      const [first, second] = [(await insert()).rows[0], (await insert()).rows[0]];
      expect(first?.author_role).toBe(member.role);
      expect(Number(second?.seq)).toBeGreaterThan(Number(first?.seq));
      expect(first?.received_at.getUTCFullYear()).toBeGreaterThan(2000);
    } finally {
      await session.end();
    }
  });
});
