import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../ids';
import { removeMember } from './hubAdmin';
import { HubClient } from './hubClient';
import type { HubMember } from './hubInputs';
import { newTeamKey, open, seal, TeamKeyError } from './teamKey';
import { startPrivatePostgres, type PrivatePostgres } from './testing/privatePostgres';
import { newTestHub, type TestHub } from './testing/testHub';

let cluster: PrivatePostgres;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  cluster = await startPrivatePostgres({ logStatements: true });
}, 120_000);
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cluster?.stop();
});

const freshHub = async () => {
  const hub = await newTestHub(cluster);
  cleanups.push(() => hub.close());
  return hub;
};
const connect = async (member: HubMember) => {
  const client = await HubClient.connect(member);
  cleanups.push(() => client.close());
  return client;
};
/** A plain SQL session as the teammate's role: what anyone holding their invitation could do. */
const sqlAs = async (hub: TestHub, member: HubMember) => {
  const client = new pg.Client({ connectionString: cluster.url(hub.database, { user: member.role, password: member.password }) });
  client.on('error', () => {});
  await client.connect();
  cleanups.push(() => client.end().catch(() => {}));
  return client;
};
const change = () => ({ id: newId(), entity: 'conversation', entityId: newId(), field: 'status', value: 'done', op: 'set' as const, madeAt: Date.now() });
const TOKEN = 'bsky-app-password-Zq8v-7Kp2-Xw4n';

describe('hub security', () => {
  it('keeps each teammate’s role inside its own workspace, whatever SQL it sends', async () => {
    const hub = await freshHub();
    const [workspaceA, workspaceB] = [await hub.newWorkspace('A'), await hub.newWorkspace('B')];
    const alice = await hub.newMember(workspaceA, { name: 'Alice' });
    const bob = await connect(await hub.newMember(workspaceB, { name: 'Bob' }));
    await bob.push([change()]);
    await bob.acquireLease(newId(), 60_000);
    await bob.putSealedSecret(seal(newTeamKey(), 'account:b', TOKEN));
    await (await connect(alice)).push([change()]);

    const asAlice = await sqlAs(hub, alice);
    for (const table of ['changes', 'leases', 'sealed_secrets', 'members']) {
      const { rows } = await asAlice.query(`SELECT workspace_id FROM pieuvre.${table}`);
      expect(rows.every((row) => row.workspace_id === workspaceA), table).toBe(true);
    }
    expect((await asAlice.query('SELECT id FROM pieuvre.workspaces')).rows).toEqual([{ id: workspaceA }]);
    expect((await asAlice.query('SELECT count(*)::int AS n FROM pieuvre.changes')).rows).toEqual([{ n: 1 }]);

    const intoB = (sql: string) => asAlice.query(sql, [workspaceB, newId()]);
    await expect(intoB("INSERT INTO pieuvre.changes (id, workspace_id, desktop_id, entity, entity_id, field, value, op, made_at) VALUES ($2, $1, $2, 'x', 'y', 'z', '1', 'set', now())")).rejects.toThrow('row-level security');
    await expect(intoB('INSERT INTO pieuvre.leases VALUES ($1, $2, $2, now(), now(), now())')).rejects.toThrow('row-level security');
    await expect(intoB("INSERT INTO pieuvre.sealed_secrets (workspace_id, name, key_version, nonce, ciphertext) VALUES ($1, $2, 1, '\\x000000000000000000000000', '\\x00000000000000000000000000000000')")).rejects.toThrow('row-level security');
    expect((await asAlice.query('UPDATE pieuvre.leases SET expires_at = now() WHERE workspace_id = $1', [workspaceB])).rowCount).toBe(0);
    expect((await asAlice.query('DELETE FROM pieuvre.sealed_secrets WHERE workspace_id = $1', [workspaceB])).rowCount).toBe(0);
    // She cannot make herself a member of B, nor rewrite the log, even her own workspace's.
    await expect(intoB("INSERT INTO pieuvre.members (workspace_id, role_name, display_name) VALUES ($1, $2, 'Alice')")).rejects.toThrow('permission denied');
    await expect(asAlice.query('DELETE FROM pieuvre.changes')).rejects.toThrow('permission denied');
    await expect(asAlice.query("UPDATE pieuvre.changes SET value = '0'")).rejects.toThrow('permission denied');
    expect((await hub.owner.query('SELECT count(*)::int AS n FROM pieuvre.sealed_secrets WHERE workspace_id = $1', [workspaceB])).rows).toEqual([{ n: 1 }]);

    // The client with another workspace's id forged in: it reads nothing and writes nothing.
    const forged = await connect({ ...alice, workspaceId: workspaceB });
    expect(await forged.pull(0, 100)).toEqual([]);
    await expect(forged.push([change()])).rejects.toThrow('row-level security');
    expect(await forged.sealedSecrets()).toEqual([]);
  });

  it('never sends a teammate’s password to the server: it keeps a SCRAM verifier, and its log shows no password', async () => {
    const hub = await freshHub();
    const member = await hub.newMember(await hub.newWorkspace());
    expect(await (await connect(member)).pull(0, 1)).toEqual([]);
    const [stored] = await cluster.asSuperuser<{ rolpassword: string }>(`SELECT rolpassword FROM pg_authid WHERE rolname = '${member.role}'`);
    expect(stored?.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/u);
    const log = cluster.serverLog();
    expect(log).toContain(`CREATE ROLE "${member.role}"`);
    expect(log).not.toContain(member.password);
  });

  it('shuts a removed teammate out at once: no new connection, and an open one sees nothing more', async () => {
    const hub = await freshHub();
    const workspaceId = await hub.newWorkspace();
    const leaving = await hub.newMember(workspaceId, { name: 'Marc' });
    const openSession = await sqlAs(hub, leaving);
    await (await connect(await hub.newMember(workspaceId))).push([change()]);
    expect((await openSession.query('SELECT id FROM pieuvre.changes')).rows).toHaveLength(1);

    await removeMember(hub.owner, workspaceId, leaving.role);
    await expect(HubClient.connect(leaving)).rejects.toThrow(`role "${leaving.role}" is not permitted to log in`);
    expect((await openSession.query('SELECT id FROM pieuvre.changes')).rows).toEqual([]);
    await expect(openSession.query("INSERT INTO pieuvre.changes (id, workspace_id, desktop_id, entity, entity_id, field, value, op, made_at) VALUES ($1, $2, $1, 'x', 'y', 'z', '1', 'set', now())", [newId(), workspaceId])).rejects.toThrow('row-level security');
    await expect(removeMember(hub.owner, workspaceId, leaving.role)).rejects.toThrow('is not a current member');
  });

  it('keeps no token and no team key in clear: a dump of the hub shows neither', async () => {
    const hub = await freshHub();
    const workspaceId = await hub.newWorkspace();
    const teamKey = newTeamKey();
    const desktop = await connect(await hub.newMember(workspaceId));
    await desktop.putSealedSecret(seal(teamKey, 'account:bluesky', TOKEN));
    await desktop.putSealedSecret(seal(teamKey, 'account:mastodon', 'mastodon-token-1f2e3d'));

    const dump = await cluster.dump(hub.database);
    expect(dump).toContain('COPY pieuvre.sealed_secrets');
    expect(dump).toContain('account:bluesky');
    for (const secret of [TOKEN, 'mastodon-token-1f2e3d', teamKey.key.toString('base64'), teamKey.key.toString('base64url'), teamKey.key.toString('hex')]) {
      expect(dump).not.toContain(secret);
    }
    expect(dump).not.toContain(Buffer.from(TOKEN).toString('hex'));
    const [sealed] = await desktop.sealedSecrets();
    expect(sealed && open(teamKey, sealed)).toBe(TOKEN);
  });

  it('rotating the team key re-seals every token: the old key, a removed teammate’s, opens none of them', async () => {
    const hub = await freshHub();
    const workspaceId = await hub.newWorkspace();
    const desktop = await connect(await hub.newMember(workspaceId));
    const oldKey = newTeamKey(1);
    const newKey = newTeamKey(2);
    await desktop.putSealedSecret(seal(oldKey, 'account:a', TOKEN));
    await desktop.putSealedSecret(seal(oldKey, 'account:b', 'second-token'));

    await expect(desktop.rotateTeamKey(oldKey, newTeamKey(1))).rejects.toThrow('version above 1');
    expect(await desktop.rotateTeamKey(oldKey, newKey)).toBe(2);
    const resealed = await desktop.sealedSecrets();
    expect(resealed.map((sealed) => [sealed.keyVersion, open(newKey, sealed)])).toEqual([
      [2, TOKEN],
      [2, 'second-token'],
    ]);
    expect(() => open(oldKey, resealed[0] as never)).toThrow('sealed with team key version 2; this desktop holds version 1');
    // Relabelling a token with the old version on the hub does not help: the version is authenticated.
    await hub.owner.query("UPDATE pieuvre.sealed_secrets SET key_version = 1 WHERE name = 'account:a'");
    const relabelled = (await desktop.sealedSecrets())[0];
    expect(() => open(oldKey, relabelled as never)).toThrow(TeamKeyError);
    expect(() => open(oldKey, relabelled as never)).toThrow('"account:a" does not open with team key version 1');
  });

  it('refuses a token altered on the hub, or moved under another account’s name, with an error naming it', async () => {
    const hub = await freshHub();
    const workspaceId = await hub.newWorkspace();
    const desktop = await connect(await hub.newMember(workspaceId));
    const teamKey = newTeamKey();
    await desktop.putSealedSecret(seal(teamKey, 'account:a', TOKEN));
    await desktop.putSealedSecret(seal(teamKey, 'account:b', 'token-b'));
    await hub.owner.query("UPDATE pieuvre.sealed_secrets SET ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 1) WHERE name = 'account:a'");
    await hub.owner.query("UPDATE pieuvre.sealed_secrets SET (nonce, ciphertext) = (SELECT nonce, ciphertext FROM pieuvre.sealed_secrets WHERE name = 'account:a') WHERE name = 'account:b'");
    for (const sealed of await desktop.sealedSecrets()) {
      const failure = (() => {
        try {
          return open(teamKey, sealed);
        } catch (error) {
          return error;
        }
      })();
      expect(failure).toBeInstanceOf(TeamKeyError);
      expect(failure).toMatchObject({ reason: 'not_authentic', message: expect.stringContaining(`"${sealed.name}" does not open`) });
    }
  });
});
