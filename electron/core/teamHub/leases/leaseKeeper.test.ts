import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HubClient } from '../../hub/hubClient';
import { newTeamKey, open, seal, type TeamKey } from '../../hub/teamKey';
import { usePrivatePostgres } from '../../hub/testing/usePrivatePostgres';
import { newTestHub, type TestHub } from '../../hub/testing/testHub';
import { newId } from '../../ids';
import { EncryptedFileSecretStore } from '../../secrets/encryptedFileSecretStore';
import { keyFileKeyProvider } from '../../secrets/keyFileKeyProvider';
import { Secret } from '../../secrets/secret';
import { accountSecretName } from '../../secrets/secretStore';
import { setPaused } from '../../store/accountStatus';
import { openDatabase } from '../../store/database';
import { memoryLog } from '../../testing/memoryLog';
import { LeaseKeeper } from './leaseKeeper';

/** Short leases, so takeovers happen within a test's patience; the hub judges expiry by its clock, as in the app. */
const TIMING = { ttlMs: 1_500, roundMs: 250 };
/** Rounds run late on a busy machine: waits are generous, and what must be quick is checked by what was logged. */
const POLL = { timeout: 15_000 };

const postgres = usePrivatePostgres();
const { cleanups } = postgres;

type Desktop = Awaited<ReturnType<typeof desktopOf>>;

/** One desktop of the team: its own SQLite database with the team's accounts (same ids, as sync makes them), its own secrets file, its own hub role. */
async function desktopOf(hub: TestHub, workspaceId: string, accountIds: readonly string[], teamKey: TeamKey, name: string) {
  const client = await HubClient.connect(await hub.newMember(workspaceId, { name }));
  const db = openDatabase(':memory:');
  for (const [index, accountId] of accountIds.entries()) {
    db.prepare("INSERT INTO accounts (id, platform, external_id, name, handle, is_demo, created_at, updated_at) VALUES (?, 'bluesky', ?, ?, ?, 0, 0, 0)").run(
      accountId,
      `did:plc:brand${index}`,
      `Marque ${index}`,
      `brand${index}.test`,
    );
  }
  db.prepare("INSERT INTO accounts (id, platform, external_id, name, handle, is_demo, created_at, updated_at) VALUES (?, 'facebook', 'demo-page', 'Démo', '@demo', 1, 0, 0)").run(newId());
  const dir = mkdtempSync(join(tmpdir(), 'pieuvre-leases-'));
  const store = await EncryptedFileSecretStore.open(dir, [keyFileKeyProvider(dir)]);
  const adopted: string[] = [];
  let changes = 0;
  const { log, lines } = memoryLog();
  const keeper = new LeaseKeeper({
    db,
    client,
    clock: Date.now,
    log,
    secrets: async () => store,
    teamKey: () => teamKey,
    onChange: () => (changes += 1),
    onSecretsAdopted: async (accountId) => void adopted.push(accountId),
    timing: TIMING,
  });
  cleanups.push(async () => {
    await keeper.stop();
    await client.close().catch(() => {});
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { client, db, store, keeper, adopted, logged: lines, changes: () => changes, held: (ids: readonly string[]) => ids.filter((id) => keeper.holds(id)) };
}

/** Who each desktop of a team belongs to, in order. */
const TEAMMATES = ['Julie', 'Marc', 'Léa'];

async function teamOf(desktops: number, accounts: number) {
  const hub = await newTestHub(postgres.cluster);
  cleanups.push(() => hub.close());
  const workspaceId = await hub.newWorkspace();
  const teamKey = newTeamKey();
  const accountIds = Array.from({ length: accounts }, () => newId());
  const all: Desktop[] = [];
  for (let index = 0; index < desktops; index += 1) all.push(await desktopOf(hub, workspaceId, accountIds, teamKey, TEAMMATES[index] ?? `Teammate ${index}`));
  return { hub, teamKey, accountIds, desktops: all };
}

const session = (accountId: string) => accountSecretName(accountId, 'session');
const signIn = (desktop: Desktop, accountId: string, value: string) => desktop.store.set(session(accountId), new Secret(value));

/** Samples both desktops until `until` holds, failing if ever both work one account at once. */
async function watchUntil(a: Desktop, b: Desktop, accountIds: readonly string[], until: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    for (const accountId of accountIds) expect(a.keeper.holds(accountId) && b.keeper.holds(accountId), `both desktops held ${accountId}`).toBe(false);
    if (until()) return;
    if (Date.now() - started > timeoutMs) throw new Error('Timed out watching the leases.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('LeaseKeeper', () => {
  it('holds every real account it has secrets for, leaves a teammate’s alone, and hands them over the moment it stops', async () => {
    const { accountIds, desktops } = await teamOf(2, 2);
    const [a, b] = desktops as [Desktop, Desktop];
    for (const accountId of accountIds) await signIn(a, accountId, 'session-a');
    a.keeper.start();
    await watchUntil(a, b, accountIds, () => a.held(accountIds).length === 2);
    expect(a.keeper.leases().map((lease) => lease.holder)).toEqual(['me', 'me']);

    b.keeper.start();
    await expect.poll(() => b.keeper.leases().map((lease) => lease.holder), POLL).toEqual(['teammate', 'teammate']);
    expect(b.keeper.leases().map((lease) => lease.holderName)).toEqual(['Julie', 'Julie']);
    expect(b.held(accountIds)).toEqual([]);

    await a.keeper.stop();
    expect(a.held(accountIds)).toEqual([]);
    // B had no secrets of its own: it opened A's from the hub before taking the accounts.
    await watchUntil(a, b, accountIds, () => b.held(accountIds).length === 2);
    expect(b.adopted.sort()).toEqual([...accountIds].sort());
    expect((await b.store.get(session(accountIds[0] as string)))?.reveal()).toBe('session-a');
  });

  it('a desktop whose hub is unreachable stops working its accounts before its lease runs out, and a teammate takes over after it does', async () => {
    const { accountIds, desktops } = await teamOf(2, 1);
    const [a, b] = desktops as [Desktop, Desktop];
    const [accountId] = accountIds as [string];
    await signIn(a, accountId, 'session-a');
    await signIn(b, accountId, 'session-a');
    a.keeper.start();
    await expect.poll(() => a.keeper.holds(accountId), POLL).toBe(true);
    b.keeper.start();
    await expect.poll(() => b.keeper.leases()[0]?.holder, POLL).toBe('teammate');
    const changesBefore = a.changes();

    // A loses the hub (its connections end) without releasing anything.
    await a.client.close();
    await watchUntil(a, b, accountIds, () => b.keeper.holds(accountId));
    expect(a.keeper.holds(accountId)).toBe(false);
    expect(a.changes()).toBeGreaterThan(changesBefore);
  });

  it('stops at once when a renewal is refused because another desktop holds the lease', async () => {
    const { hub, accountIds, desktops } = await teamOf(2, 1);
    const [a, b] = desktops as [Desktop, Desktop];
    const [accountId] = accountIds as [string];
    await signIn(a, accountId, 'session-a');
    a.keeper.start();
    await expect.poll(() => a.keeper.holds(accountId), POLL).toBe(true);
    // As if A had been frozen past its lease and B had taken it meanwhile.
    await hub.owner.query('UPDATE pieuvre.leases SET holder_desktop_id = $1 WHERE account_id = $2', [b.client.desktopId, accountId]);
    await expect.poll(() => a.keeper.holds(accountId), POLL).toBe(false);
    expect(a.logged.some((line) => /holds this account’s lease now/u.test(line.msg))).toBe(true);
    // Its next ask hears who holds it.
    await expect.poll(() => a.keeper.leases()[0]?.holder, POLL).toBe('teammate');
  });

  it('lets go of an account paused here, for a teammate to work it', async () => {
    const { accountIds, desktops } = await teamOf(2, 1);
    const [a, b] = desktops as [Desktop, Desktop];
    const [accountId] = accountIds as [string];
    await signIn(a, accountId, 'session-a');
    a.keeper.start();
    await expect.poll(() => a.keeper.holds(accountId), POLL).toBe(true);
    b.keeper.start();
    await expect.poll(() => b.keeper.leases()[0]?.holder, POLL).toBe('teammate');

    setPaused(a.db, accountId, true, Date.now());
    await watchUntil(a, b, accountIds, () => b.keeper.holds(accountId));
    expect(a.keeper.holds(accountId)).toBe(false);
  });

  it('shares account secrets sealed: a dump of the hub holds no token, the holder’s refreshed token wins, a stale copy elsewhere never overwrites it', async () => {
    const { hub, teamKey, accountIds, desktops } = await teamOf(2, 1);
    const [a, b] = desktops as [Desktop, Desktop];
    const [accountId] = accountIds as [string];
    const token = `bsky-session-${newId()}`;
    await signIn(a, accountId, token);
    await signIn(b, accountId, 'stale-session-of-b');
    a.keeper.start();
    const sealedValue = async () => {
      const sealed = (await a.client.sealedSecrets()).find((secret) => secret.name === session(accountId));
      return sealed ? open(teamKey, sealed) : null;
    };
    await expect.poll(sealedValue, POLL).toBe(token);
    const dump = await postgres.cluster.dump(hub.database);
    expect(dump).toContain('sealed_secrets');
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(Buffer.from(token).toString('hex'));

    // B's older copy stays on B: the hub keeps the holder's.
    b.keeper.start();
    await expect.poll(() => b.keeper.leases()[0]?.holder, POLL).toBe('teammate');
    await new Promise((resolve) => setTimeout(resolve, TIMING.roundMs * 3));
    expect(await sealedValue()).toBe(token);

    // The holder refreshes its token: the team gets the new one.
    await signIn(a, accountId, `${token}-refreshed`);
    await expect.poll(sealedValue, POLL).toBe(`${token}-refreshed`);
    await a.keeper.stop();
    await expect.poll(() => b.keeper.holds(accountId), POLL).toBe(true);
    expect((await b.store.get(session(accountId)))?.reveal()).toBe(`${token}-refreshed`);
    expect(b.adopted).toEqual([accountId]);
  });

  it('never writes over a sealed secret it cannot open (sealed with a newer team key), and says so once', async () => {
    const { teamKey, accountIds, desktops } = await teamOf(1, 1);
    const [a] = desktops as [Desktop];
    const [accountId] = accountIds as [string];
    const newer = newTeamKey(teamKey.version + 1);
    await a.client.putSealedSecret(seal(newer, session(accountId), 'session-sealed-by-a-newer-key'));
    await signIn(a, accountId, 'session-a');
    a.keeper.start();
    await expect.poll(() => a.keeper.holds(accountId), POLL).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, TIMING.roundMs * 3));

    const [sealed] = await a.client.sealedSecrets();
    expect(sealed?.keyVersion).toBe(newer.version);
    expect(open(newer, sealed!)).toBe('session-sealed-by-a-newer-key');
    expect((await a.store.get(session(accountId)))?.reveal()).toBe('session-a');
    expect(a.logged.filter((line) => /does not open with this desktop’s team key/u.test(line.msg))).toHaveLength(1);
  });

  it('withdraws an account disconnected on any desktop: its sealed token and lease leave the hub, the holder stops and puts nothing back; signed in again, it is shared again', async () => {
    const { hub, teamKey, accountIds, desktops } = await teamOf(2, 2);
    const [a, b] = desktops as [Desktop, Desktop];
    const [accountId, kept] = accountIds as [string, string];
    for (const id of accountIds) await signIn(a, id, `session-a-${id}`);
    await signIn(b, accountId, 'session-b');
    a.keeper.start();
    await expect.poll(() => a.held(accountIds).length, POLL).toBe(2);
    b.keeper.start();
    const sealedNames = async () => (await hub.owner.query<{ name: string }>('SELECT name FROM pieuvre.sealed_secrets ORDER BY name')).rows.map((row) => row.name);
    await expect.poll(sealedNames, POLL).toEqual([session(accountId), session(kept)].sort());

    // Marc disconnects the account on his desktop, which does not hold it.
    await b.store.delete(session(accountId));
    await b.keeper.signInChanged(accountId, 'signedOut');
    expect(await sealedNames()).toEqual([session(kept)]);
    expect((await hub.owner.query('SELECT account_id FROM pieuvre.leases')).rows).toEqual([{ account_id: kept }]);
    await expect.poll(() => a.keeper.holds(accountId), POLL).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, TIMING.roundMs * 3));
    expect(await sealedNames()).toEqual([session(kept)]);
    expect(a.keeper.holds(accountId) || b.keeper.holds(accountId)).toBe(false);
    expect(a.keeper.leases().find((lease) => lease.accountId === accountId)).toMatchObject({ holder: 'withdrawn', holderName: 'Marc' });
    expect(a.keeper.holds(kept)).toBe(true);

    // Signed in again on Marc's desktop: the team gets his fresh token, and someone polls it.
    await signIn(b, accountId, 'session-b-fresh');
    await b.keeper.signInChanged(accountId, 'signedIn');
    await expect.poll(() => a.keeper.holds(accountId) || b.keeper.holds(accountId), POLL).toBe(true);
    const sealed = (await a.client.sealedSecrets()).find((secret) => secret.name === session(accountId));
    expect(sealed && open(teamKey, sealed)).toBe('session-b-fresh');
  });

  it('names the teammate polling an account this desktop does not ask for (its token does not open here yet), not nobody', async () => {
    const hub = await newTestHub(postgres.cluster);
    cleanups.push(() => hub.close());
    const workspaceId = await hub.newWorkspace();
    const accountId = newId();
    // Marc's desktop holds an older team key than the one Julie's sealed the token with.
    const a = await desktopOf(hub, workspaceId, [accountId], newTeamKey(), 'Julie');
    const b = await desktopOf(hub, workspaceId, [accountId], newTeamKey(), 'Marc');
    await signIn(a, accountId, 'session-a');
    a.keeper.start();
    await expect.poll(() => a.keeper.holds(accountId), POLL).toBe(true);
    b.keeper.start();
    await expect.poll(() => b.keeper.leases()[0], POLL).toMatchObject({ holder: 'teammate', holderName: 'Julie' });
    expect(b.keeper.holds(accountId)).toBe(false);
    // Julie's desktop lets it go: nobody polls it now, and Marc's list says so.
    await a.keeper.stop();
    await expect.poll(() => b.keeper.leases()[0]?.holder, POLL).toBe('nobody');
  });

  it('withdraws an account signed out while the hub was unreachable once it answers again', async () => {
    const { hub, accountIds, desktops } = await teamOf(1, 1);
    const [a] = desktops as [Desktop];
    const [accountId] = accountIds as [string];
    await signIn(a, accountId, 'session-a');
    a.keeper.start();
    await expect.poll(async () => (await hub.owner.query('SELECT count(*)::int AS n FROM pieuvre.sealed_secrets')).rows[0]?.n, POLL).toBe(1);
    // The hub refuses the withdrawal (as an unreachable one would) until the grant is back.
    const { rows } = await hub.owner.query<{ group: string }>('SELECT quote_ident(pieuvre.member_group()) AS group');
    await hub.owner.query(`REVOKE INSERT ON pieuvre.withdrawn_accounts FROM ${rows[0]?.group}`);
    await a.keeper.signInChanged(accountId, 'signedOut');
    expect(a.keeper.holds(accountId)).toBe(false);
    expect(a.logged.some((line) => /did not hear of an account signed in or out/u.test(line.msg))).toBe(true);
    expect((await hub.owner.query('SELECT count(*)::int AS n FROM pieuvre.sealed_secrets')).rows).toEqual([{ n: 1 }]);

    await hub.owner.query(`GRANT INSERT ON pieuvre.withdrawn_accounts TO ${rows[0]?.group}`);
    await expect.poll(async () => (await hub.owner.query('SELECT count(*)::int AS n FROM pieuvre.sealed_secrets')).rows[0]?.n, POLL).toBe(0);
    expect((await hub.owner.query('SELECT account_id FROM pieuvre.withdrawn_accounts')).rows).toEqual([{ account_id: accountId }]);
  });
});
