import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../core';
import { HubClient } from '../hub/hubClient';
import { MAX_PUSH } from '../hub/hubInputs';
import { open, seal } from '../hub/teamKey';
import { usePrivatePostgres } from '../hub/testing/usePrivatePostgres';
import { newTestHub } from '../hub/testing/testHub';
import { readHubSecrets } from './hubSecrets';
import { readMembership } from './membershipStore';
import { startCuttableProxy } from './testing/cuttableProxy';
import { TeamSync } from './sync/teamSync';
import { recordingParts, until, useTeamDesktops } from './testing/teamDesktops';

const { newDesktop, cleanups } = useTeamDesktops();
const postgres = usePrivatePostgres();

/** A database on the postgres.cluster owned by a role that may create roles: what `team create` is given. */
async function freshOwnerUrl(): Promise<string> {
  const hub = await newTestHub(postgres.cluster, { migrate: false });
  await hub.close();
  return hub.ownerUrl;
}

/** Julie creates the workspace and invites Marc, who joins from his own desktop. */
async function teamOfTwo(ownerUrl?: string) {
  const julie = newDesktop();
  await julie.hub.create({ url: ownerUrl ?? (await freshOwnerUrl()), workspaceName: 'Équipe Soleil', myName: 'Julie' });
  const { invitation } = await julie.hub.invite({ name: 'Marc', expiresInDays: 7 });
  const marc = newDesktop();
  await marc.hub.join({ invitation });
  return { julie, marc };
}

describe('TeamHubService', () => {
  it('creates a workspace, invites a teammate who joins from another desktop; both connected, and the secrets stay out of SQLite', async () => {
    const julie = newDesktop();
    const ownerUrl = await freshOwnerUrl();
    const created = await julie.hub.create({ url: ownerUrl, workspaceName: 'Équipe Soleil', myName: 'Julie' });
    expect(created).toMatchObject({
      state: 'connected',
      workspace: { name: 'Équipe Soleil' },
      hubAddress: `127.0.0.1:${postgres.cluster.port}${new URL(ownerUrl).pathname}`,
      isOwner: true,
      me: { name: 'Julie' },
      members: [{ name: 'Julie', isMe: true, removedAt: null }],
      problem: null,
    });
    expect(julie.calls).toEqual(['snapshot', 'capture', 'sync on a hub client', 'leases', 'sync started', 'leases started', 'presence as Julie']);
    expect(julie.statuses.at(-1)).toEqual(created);

    const { invitation, expiresAt } = await julie.hub.invite({ name: 'Marc', expiresInDays: 7 });
    expect(expiresAt).toBe(julie.core.now.value + 7 * 86_400_000);
    expect(julie.core.context.db.prepare("SELECT count(*) AS n FROM people WHERE name = 'Marc'").get()).toEqual({ n: 1 });
    await julie.hub.invite({ name: 'marc ', expiresInDays: 1 });
    expect(julie.core.context.db.prepare("SELECT count(*) AS n FROM people WHERE lower(name) = 'marc'").get()).toEqual({ n: 1 });

    const marc = newDesktop();
    const joined = await marc.hub.join({ invitation });
    expect(joined).toMatchObject({ state: 'connected', workspace: created.workspace, isOwner: false, me: { name: 'Marc' }, problem: null });
    expect(joined.members.map((member) => [member.name, member.isMe])).toEqual([['Julie', false], ['Marc', true], ['marc', false]]);
    // Julie's desktop reached the hub; the second invitation was never used.
    expect(joined.members.filter((member) => !member.isMe).map((member) => [member.name, member.hasJoined])).toEqual([['Julie', true], ['marc', false]]);
    expect(marc.calls).toContain('presence as Marc');

    const row = readMembership(julie.core.context.db);
    expect(row?.hubUrl).toBe(`postgresql://127.0.0.1:${postgres.cluster.port}${new URL(ownerUrl).pathname}`);
    const secrets = await readHubSecrets(await julie.core.secrets());
    const onDisk = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((name) => join(julie.dataDir, name)).filter(existsSync).map((path) => readFileSync(path).toString('latin1')).join('');
    expect(onDisk).toContain(row?.workspaceId);
    for (const secret of [secrets.password.reveal(), new URL(ownerUrl).password, secrets.teamKey.key.toString('base64url')]) expect(onDisk).not.toContain(secret);
  });

  it('removes a teammate: the team key turns to version 2 on the hub, and their desktop stops as removed, also after a restart', async () => {
    const { julie, marc } = await teamOfTwo();
    const julieRow = readMembership(julie.core.context.db)!;
    const { password, teamKey } = await readHubSecrets(await julie.core.secrets());
    const asJulie = await HubClient.connect({ url: julieRow.hubUrl, role: julieRow.role, password: password.reveal(), workspaceId: julieRow.workspaceId, desktopId: julieRow.desktopId });
    cleanups.push(() => asJulie.close());
    await asJulie.putSealedSecret(seal(teamKey, 'account:a:accessToken', 'jeton'));

    const marcRole = readMembership(marc.core.context.db)!.role;
    const after = await julie.hub.removeMember(marcRole);
    expect(after.members.find((member) => member.role === marcRole)?.removedAt).toEqual(expect.any(Number));
    const rotated = (await readHubSecrets(await julie.core.secrets())).teamKey;
    expect(rotated.version).toBe(2);
    expect(readMembership(julie.core.context.db)?.keyVersion).toBe(2);
    const [sealed] = await asJulie.sealedSecrets();
    expect(sealed?.keyVersion).toBe(2);
    expect(open(rotated, sealed!)).toBe('jeton');

    await until('Marc’s desktop sees it was removed', () => marc.hub.status().state === 'removed');
    expect(marc.hub.status().problem?.code).toBe('removed');
    expect(readMembership(marc.core.context.db)?.removedAt).toBe(marc.core.now.value);
    await until('Marc’s parts stopped', () => marc.calls.includes('sync stopped'));
    expect(marc.calls).toEqual(expect.arrayContaining(['capture stopped', 'leases stopped']));

    await marc.hub.close();
    marc.calls.length = 0;
    marc.restart().start();
    await marc.hub.settled();
    expect(marc.hub.status()).toMatchObject({ state: 'removed', workspace: { name: 'Équipe Soleil' } });
    expect(marc.calls).toEqual([]);
    await expect(julie.hub.removeMember(julieRow.role)).rejects.toMatchObject({ code: 'invalid_input', reason: 'is_me' });
  });

  it('goes offline when the hub stops answering and reconnects by itself; a restart connects again, and capture runs while offline', async () => {
    const proxy = await startCuttableProxy(postgres.cluster.port);
    cleanups.push(() => proxy.close());
    const direct = new URL(await freshOwnerUrl());
    direct.port = String(proxy.port);
    const { julie } = await teamOfTwo(direct.toString());

    await proxy.cut();
    await until('Julie is offline', () => julie.hub.status().state === 'offline');
    expect(julie.hub.status().problem?.code).toBe('unreachable');
    await proxy.restore();
    await until('Julie is connected again', () => julie.hub.status().state === 'connected');
    expect(julie.statuses.map((status) => status.state)).toEqual(expect.arrayContaining(['offline', 'connected']));

    await julie.hub.close();
    await proxy.cut();
    julie.calls.length = 0;
    julie.restart().start();
    expect(julie.hub.status().state).toBe('connecting');
    await julie.hub.settled();
    expect(julie.hub.status()).toMatchObject({ state: 'offline', problem: { code: 'unreachable' } });
    expect(julie.calls).toEqual(['capture']);
    await proxy.restore();
    await until('Julie connects after starting offline', () => julie.hub.status().state === 'connected');
    expect(julie.calls).toContain('sync started');
  });

  it('goes offline when the hub stops answering with its connections left open (a call gives up after the query timeout), and connected again once it answers', async () => {
    const proxy = await startCuttableProxy(postgres.cluster.port);
    cleanups.push(() => proxy.close());
    const direct = new URL(await freshOwnerUrl());
    direct.port = String(proxy.port);
    const julie = newDesktop({ timing: { queryTimeoutMs: 1_000 } });
    await julie.hub.create({ url: direct.toString(), workspaceName: 'Équipe Soleil', myName: 'Julie' });
    expect(julie.hub.status().state).toBe('connected');

    proxy.freeze();
    await until('Julie is offline', () => julie.hub.status().state === 'offline');
    expect(julie.hub.status().problem).toMatchObject({ code: 'unreachable', message: expect.stringMatching(/timeout/iu) });
    proxy.thaw();
    await until('Julie is connected again', () => julie.hub.status().state === 'connected');
    expect(julie.hub.status().problem).toBeNull();
  });

  it('says offline as soon as the hub’s notices stop, without waiting for the next check', async () => {
    const proxy = await startCuttableProxy(postgres.cluster.port);
    cleanups.push(() => proxy.close());
    const direct = new URL(await freshOwnerUrl());
    direct.port = String(proxy.port);
    // The real sync (its listener) and a check of the connection far away: only the listener can tell.
    const julie = newDesktop({ timing: { probeEveryMs: 600_000 }, parts: (calls) => ({ ...recordingParts(calls), newSync: (options) => new TeamSync(options) }) });
    await julie.hub.create({ url: direct.toString(), workspaceName: 'Équipe Soleil', myName: 'Julie' });
    await until('Julie is connected', () => julie.hub.status().state === 'connected');

    await proxy.cut();
    await until('Julie is offline', () => julie.hub.status().state === 'offline', 5_000);
    expect(julie.hub.status().problem?.code).toBe('unreachable');
    await proxy.restore();
    await until('Julie is connected again', () => julie.hub.status().state === 'connected');
  });

  it('settles after the first sync round at start: what was queued is pushed and the desktop has pulled it back', async () => {
    const julie = newDesktop({ parts: (calls) => ({ ...recordingParts(calls), newSync: (options) => new TeamSync(options) }) });
    await julie.hub.create({ url: await freshOwnerUrl(), workspaceName: 'Équipe Soleil', myName: 'Julie' });
    await julie.hub.close();
    // Changes made while the app was closed: the round at start pushes them, then pulls past them.
    // Several push batches, so the round outlasts the connection's first check.
    const queue = julie.core.context.db.prepare("INSERT INTO hub_outgoing (id, entity, entity_id, field, value, op, made_at) VALUES (?, 'conversation', 'c', 'status', '\"done\"', 'set', ?)");
    for (let n = 1; n <= 4 * MAX_PUSH; n += 1) queue.run(`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, n);
    julie.restart().start();
    await julie.hub.settled();
    expect(julie.hub.status()).toMatchObject({ state: 'connected', pendingChanges: 0, cursorLag: 0, lastSyncAt: julie.core.now.value });
  });

  it('leaves: local-only again, the row and the hub secrets gone, the local data kept', async () => {
    const { marc } = await teamOfTwo();
    const { db } = marc.core.context;
    const people = db.prepare('SELECT count(*) AS n FROM people').get();
    // What a desktop queued or pulled for this workspace must not follow it to the next one.
    db.prepare("INSERT INTO hub_outgoing (id, entity, entity_id, field, value, op, made_at) VALUES ('00000000-0000-4000-8000-000000000001', 'conversation', 'c', 'status', '\"done\"', 'set', 1)").run();
    db.prepare('UPDATE hub_sync_state SET cursor = 7').run();
    db.prepare("INSERT INTO hub_sign_ins (account_id, change, made_at) VALUES ('a', 'signedOut', 1)").run();
    expect(await marc.hub.leave()).toMatchObject({ state: 'local', workspace: null, members: [] });
    expect(readMembership(marc.core.context.db)).toBeNull();
    expect((await (await marc.core.secrets()).list()).filter((name) => name.startsWith('hub:'))).toEqual([]);
    expect(marc.core.context.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual(people);
    expect(marc.calls).toEqual(expect.arrayContaining(['capture stopped', 'sync stopped', 'leases stopped', 'presence closed']));
    expect(marc.statuses.at(-1)?.state).toBe('local');
    expect(db.prepare('SELECT (SELECT count(*) FROM hub_outgoing) AS queued, (SELECT cursor FROM hub_sync_state) AS cursor').get()).toEqual({ queued: 0, cursor: 0 });
    expect(db.prepare('SELECT count(*) FROM hub_sign_ins').pluck().get()).toBe(0);
  });

  it('shows a membership whose secrets are gone as offline, saying which one, without connecting', async () => {
    const { marc } = await teamOfTwo();
    await marc.hub.close();
    await (await marc.core.secrets()).delete('hub:teamKey');
    marc.calls.length = 0;
    marc.restart().start();
    await marc.hub.settled();
    expect(marc.hub.status()).toMatchObject({ state: 'offline', problem: { code: 'other', message: expect.stringContaining('team key is missing from the secret store') } });
    expect(marc.statuses.at(-1)?.state).toBe('offline');
    expect(marc.calls).toEqual([]);
  });

  it('refuses what it cannot use, saying why', async () => {
    const ownerUrl = await freshOwnerUrl();
    const stranger = newDesktop();
    const wrongPassword = new URL(ownerUrl);
    wrongPassword.password = 'not-the-password';
    await expect(stranger.hub.create({ url: wrongPassword.toString(), workspaceName: 'É', myName: 'J' })).rejects.toMatchObject({ code: 'unavailable', reason: 'refused_login' });
    await expect(stranger.hub.create({ url: 'http://example.com/x', workspaceName: 'É', myName: 'J' })).rejects.toMatchObject({ code: 'invalid_input', reason: 'bad_url' });
    await expect(stranger.hub.join({ invitation: 'bonjour' })).rejects.toMatchObject({ code: 'invalid_input', reason: 'invitation_not_an_invitation' });
    await expect(stranger.hub.join({ invitation: 'pieuvre-invitation-1.abc' })).rejects.toMatchObject({ code: 'invalid_input', reason: 'invitation_garbled' });
    expect(readMembership(stranger.core.context.db)).toBeNull();

    const { julie, marc } = await teamOfTwo(ownerUrl);
    await expect(julie.hub.create({ url: ownerUrl, workspaceName: 'Autre', myName: 'Julie' })).rejects.toMatchObject({ code: 'conflict', reason: 'already_member' });
    await expect(marc.hub.invite({ name: 'Léa', expiresInDays: 7 })).rejects.toMatchObject({ code: 'conflict', reason: 'not_owner' });
    const { invitation } = await julie.hub.invite({ name: 'Léa', expiresInDays: 1 });
    stranger.core.now.value += 2 * 86_400_000;
    await expect(stranger.hub.join({ invitation })).rejects.toMatchObject({ code: 'invalid_input', reason: 'invitation_expired' });
    stranger.core.now.value -= 2 * 86_400_000;
    await postgres.cluster.asSuperuser('UPDATE pieuvre.hub_schema SET version = 99', new URL(ownerUrl).pathname.slice(1));
    await expect(stranger.hub.join({ invitation })).rejects.toMatchObject({ code: 'unavailable', reason: 'schema_newer' });
    expect(readMembership(stranger.core.context.db)).toBeNull();
  });
});
