import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { newId } from '../../ids';
import { addMember, createWorkspace } from '../hubAdmin';
import type { HubMember } from '../hubInputs';
import { migrateHub } from '../hubMigrate';
import type { PrivatePostgres } from './privatePostgres';

/** A fresh hub database in a test cluster, set up the way a team's owner would. */
export type TestHub = {
  database: string;
  /** Connected as the owner: a role with CREATEROLE that owns the database, not a superuser. */
  owner: pg.Client;
  ownerUrl: string;
  newWorkspace(name?: string): Promise<string>;
  /** A new teammate of the workspace, on a new desktop; `url` defaults to the cluster's. */
  newMember(workspaceId: string, options?: { name?: string; url?: string }): Promise<HubMember>;
  close(): Promise<void>;
};

/** A database of its own per test (a cluster takes seconds to start, a database does not). */
export async function newTestHub(cluster: PrivatePostgres, options: { migrate?: boolean } = {}): Promise<TestHub> {
  const ownerRole = `hub_owner_${randomBytes(4).toString('hex')}`;
  const ownerPassword = randomBytes(18).toString('base64url');
  await cluster.asSuperuser(`CREATE ROLE ${ownerRole} LOGIN CREATEROLE PASSWORD '${ownerPassword}'`);
  const database = await cluster.createDatabase(ownerRole);
  const ownerUrl = cluster.url(database, { user: ownerRole, password: ownerPassword });
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  if (options.migrate ?? true) await migrateHub(owner);
  return {
    database,
    owner,
    ownerUrl,
    newWorkspace: (name = 'Équipe') => createWorkspace(owner, name),
    async newMember(workspaceId, { name = 'Julie', url = cluster.url(database) } = {}) {
      const { role, password } = await addMember(owner, workspaceId, name);
      const address = new URL(url);
      address.username = '';
      address.password = '';
      return { url: address.toString(), role, password, workspaceId, desktopId: newId() };
    },
    close: () => owner.end(),
  };
}
