import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { HubLease } from '../../../shared/api/hub';
import { usePrivatePostgres } from '../hub/testing/usePrivatePostgres';
import { newTestHub } from '../hub/testing/testHub';
import { keyFileKeyProvider } from '../secrets/keyFileKeyProvider';
import { Secret } from '../secrets/secret';
import { accountSecretName } from '../secrets/secretStore';
import { createTestCore, type TestCore } from '../testing/testCore';
import { addAccount } from './sync/testing/syncDesktop';

/** Lease rounds and sync under a busy machine's load. */
const SLOW = { timeout: 40_000, interval: 200 };

const postgres = usePrivatePostgres();
const { cleanups } = postgres;

/** A whole core on its own data folder, with the session's real team hub (capture, sync, leases, presence). */
function desktop(): TestCore {
  const dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-team-leases-'));
  const core = createTestCore({ dataDir, keyProviders: [keyFileKeyProvider(dataDir)] });
  cleanups.push(() => {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return core;
}

const leaseOf = async (core: TestCore, accountId: string): Promise<HubLease | undefined> => (await core.call('hub.status', {})).leases.find((lease) => lease.accountId === accountId);

describe('account leases across desktops, through the real team hub', () => {
  it('Marc’s desktop names Julie’s as the one polling her account; she disconnects it and its token and lease leave the hub', async () => {
    const hub = await newTestHub(postgres.cluster, { migrate: false });
    const owner = new pg.Client({ connectionString: hub.ownerUrl });
    await owner.connect();
    cleanups.push(async () => {
      await owner.end();
      await hub.close();
    });
    const julie = desktop();
    const accountId = addAccount(julie.context.db);
    await (await julie.secrets()).set(accountSecretName(accountId, 'accessToken'), new Secret('jeton-de-julie'));
    await julie.call('hub.create', { url: hub.ownerUrl, workspaceName: 'Équipe Soleil', myName: 'Julie' });
    const { invitation } = await julie.call('hub.invite', { name: 'Marc', expiresInDays: 7 });
    const marc = desktop();
    await marc.call('hub.join', { invitation });

    // Leases go round every 5 s: Marc hears of Julie's at his first ask after her account reached him.
    await expect.poll(async () => (await leaseOf(julie, accountId))?.holder, SLOW).toBe('me');
    await expect.poll(() => leaseOf(marc, accountId), SLOW).toMatchObject({ holder: 'teammate', holderName: 'Julie', accountName: 'Café Lune' });
    const sealedNames = async () => (await owner.query<{ name: string }>('SELECT name FROM pieuvre.sealed_secrets')).rows.map((row) => row.name);
    await expect.poll(sealedNames, SLOW).toEqual([accountSecretName(accountId, 'accessToken')]);

    await julie.call('accounts.disconnect', { id: accountId, keepHistory: true });
    // Told to the hub as the disconnection ends, without holding it up.
    await expect.poll(sealedNames, { timeout: 10_000 }).toEqual([]);
    expect((await owner.query('SELECT account_id FROM pieuvre.leases')).rows).toEqual([]);
    expect((await owner.query('SELECT account_id FROM pieuvre.withdrawn_accounts')).rows).toEqual([{ account_id: accountId }]);
    await expect.poll(async () => (await leaseOf(marc, accountId))?.holder, SLOW).toBe('nobody');
  }, 120_000);
});
