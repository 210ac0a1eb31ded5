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
import { startCuttableProxy } from './testing/cuttableProxy';

/** Lease rounds and sync under a busy machine's load. */
const SLOW = { timeout: 40_000, interval: 200 };

const postgres = usePrivatePostgres();
const { cleanups } = postgres;

/** A whole core on a data folder (a new one unless given), with the session's real team hub (capture, sync, leases, presence). */
function desktop(dataDir = newDataDir()): TestCore {
  const core = createTestCore({ dataDir, keyProviders: [keyFileKeyProvider(dataDir)] });
  cleanups.push(() => core.close());
  return core;
}

function newDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-team-leases-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
}

/** An empty hub database for `hub.create`, and the owner's connection to look into it. */
async function freshHub(): Promise<{ owner: pg.Client; ownerUrl: string }> {
  const hub = await newTestHub(postgres.cluster, { migrate: false });
  await hub.close();
  const owner = new pg.Client({ connectionString: hub.ownerUrl });
  await owner.connect();
  cleanups.push(() => owner.end());
  return { owner, ownerUrl: hub.ownerUrl };
}

const leaseOf = async (core: TestCore, accountId: string): Promise<HubLease | undefined> => (await core.call('hub.status', {})).leases.find((lease) => lease.accountId === accountId);

describe('account leases across desktops, through the real team hub', () => {
  it('Marc’s desktop names Julie’s as the one polling her account; she disconnects it and its token and lease leave the hub', async () => {
    const { owner, ownerUrl } = await freshHub();
    const julie = desktop();
    const accountId = addAccount(julie.context.db);
    await (await julie.secrets()).set(accountSecretName(accountId, 'accessToken'), new Secret('jeton-de-julie'));
    await julie.call('hub.create', { url: ownerUrl, workspaceName: 'Équipe Soleil', myName: 'Julie' });
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
    await expect.poll(() => leaseOf(marc, accountId), SLOW).toMatchObject({ holder: 'withdrawn', holderName: 'Julie' });
  }, 120_000);

  it('Marc’s desktop drops its own copy of an account Julie disconnected, and says whose computer it was disconnected on', async () => {
    const { ownerUrl } = await freshHub();
    const [julie, marc] = [desktop(), desktop()];
    const accountId = addAccount(julie.context.db);
    const name = accountSecretName(accountId, 'accessToken');
    await (await julie.secrets()).set(name, new Secret('jeton-de-julie'));
    await julie.call('hub.create', { url: ownerUrl, workspaceName: 'Équipe Soleil', myName: 'Julie' });
    const { invitation } = await julie.call('hub.invite', { name: 'Marc', expiresInDays: 7 });
    await marc.call('hub.join', { invitation });
    await expect.poll(() => leaseOf(marc, accountId), SLOW).toMatchObject({ holder: 'teammate', holderName: 'Julie' });
    // Marc's desktop has the token too (it held the account once, or he signed in to it himself).
    await (await marc.secrets()).set(name, new Secret('jeton-de-julie'));

    await julie.call('accounts.disconnect', { id: accountId, keepHistory: true });
    await expect.poll(async () => (await (await marc.secrets()).list()).filter((secret) => secret.includes(accountId)), SLOW).toEqual([]);
    await expect.poll(() => leaseOf(marc, accountId), SLOW).toMatchObject({ holder: 'withdrawn', holderName: 'Julie' });
    const view = (await marc.call('accounts.list', {})).find((account) => account.id === accountId);
    expect(view).toMatchObject({ state: 'needs_reconnecting', lastProblem: { code: 'withdrawn', message: 'Julie' } });
    // Julie's own list says so too (her desktop withdrew it).
    expect(await leaseOf(julie, accountId)).toMatchObject({ holder: 'withdrawn', holderName: 'Julie' });
  }, 120_000);

  it('withdraws an account disconnected while the hub was unreachable, once the desktop, quit meanwhile, is opened again', async () => {
    const { owner, ownerUrl } = await freshHub();
    const proxy = await startCuttableProxy(postgres.cluster.port);
    cleanups.push(() => proxy.close());
    const relayed = new URL(ownerUrl);
    relayed.port = String(proxy.port);
    const dataDir = newDataDir();
    const julie = desktop(dataDir);
    const accountId = addAccount(julie.context.db);
    const name = accountSecretName(accountId, 'accessToken');
    await (await julie.secrets()).set(name, new Secret('jeton-de-julie'));
    await julie.call('hub.create', { url: relayed.toString(), workspaceName: 'Équipe Soleil', myName: 'Julie' });
    const sealedNames = async () => (await owner.query<{ name: string }>('SELECT name FROM pieuvre.sealed_secrets')).rows.map((row) => row.name);
    await expect.poll(sealedNames, SLOW).toEqual([name]);

    await proxy.cut();
    await julie.call('accounts.disconnect', { id: accountId, keepHistory: true });
    julie.close();
    await proxy.restore();
    expect(await sealedNames()).toEqual([name]);

    desktop(dataDir);
    await expect.poll(sealedNames, SLOW).toEqual([]);
    expect((await owner.query('SELECT account_id FROM pieuvre.withdrawn_accounts')).rows).toEqual([{ account_id: accountId }]);
  }, 120_000);

  it('one account connected apart on both desktops before they joined ends as one account with one lease, under the least of its two ids', async () => {
    const { owner, ownerUrl } = await freshHub();
    const [julie, marc] = [desktop(), desktop()];
    // Same platform and platform id (Café Lune on mastodon), two local ids.
    const ids = { julie: addAccount(julie.context.db), marc: addAccount(marc.context.db) };
    await (await julie.secrets()).set(accountSecretName(ids.julie, 'accessToken'), new Secret('jeton-de-julie'));
    await (await marc.secrets()).set(accountSecretName(ids.marc, 'accessToken'), new Secret('jeton-de-marc'));
    await julie.call('hub.create', { url: ownerUrl, workspaceName: 'Équipe Soleil', myName: 'Julie' });
    const { invitation } = await julie.call('hub.invite', { name: 'Marc', expiresInDays: 7 });
    await marc.call('hub.join', { invitation });

    const teamId = [ids.julie, ids.marc].sort()[0];
    await expect.poll(async () => (await owner.query('SELECT account_id FROM pieuvre.leases')).rows, SLOW).toEqual([{ account_id: teamId }]);
    const holders = async () => [(await leaseOf(julie, ids.julie))?.holder, (await leaseOf(marc, ids.marc))?.holder].sort();
    await expect.poll(holders, SLOW).toEqual(['me', 'teammate']);
    for (const core of [julie, marc]) expect(core.context.db.prepare('SELECT count(*) FROM accounts WHERE is_demo = 0').pluck().get()).toBe(1);
    // One set of tokens: one filed under the other id before the sync told them apart is deleted.
    const sealedNames = async () => (await owner.query<{ name: string }>('SELECT name FROM pieuvre.sealed_secrets')).rows.map((row) => row.name);
    await expect.poll(sealedNames, SLOW).toEqual([accountSecretName(teamId ?? '', 'accessToken')]);
    // It stays so for a few rounds: the desktop under the other id never takes a second lease.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect((await owner.query('SELECT account_id FROM pieuvre.leases')).rows).toEqual([{ account_id: teamId }]);
    expect(await holders()).toEqual(['me', 'teammate']);
  }, 120_000);
});
