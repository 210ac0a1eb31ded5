import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { HubClient } from '../hub/hubClient';
import { open, seal, type TeamKey } from '../hub/teamKey';
import { usePrivatePostgres } from '../hub/testing/usePrivatePostgres';
import { newTestHub } from '../hub/testing/testHub';
import { readHubSecrets } from './hubSecrets';
import { hubMemberOf, readMembership } from './membershipStore';
import { until, useTeamDesktops, type Desktop } from './testing/teamDesktops';

const { newDesktop, cleanups } = useTeamDesktops();
const postgres = usePrivatePostgres();

const keyOf = async (desktop: Desktop): Promise<TeamKey> => (await readHubSecrets(await desktop.core.secrets())).teamKey;
const roleOf = (desktop: Desktop) => readMembership(desktop.core.context.db)!.role;

/** The desktop's own member connection, as its parts would use it. */
async function clientOf(desktop: Desktop): Promise<HubClient> {
  const { password } = await readHubSecrets(await desktop.core.secrets());
  const client = await HubClient.connect(hubMemberOf(readMembership(desktop.core.context.db)!, password.reveal()));
  cleanups.push(() => client.close());
  return client;
}

/** As the hub's owner role, outside any desktop: what its administrator sees. */
async function asHubOwner(ownerUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  cleanups.push(() => client.end());
  return client;
}

/** Until `count` desktops published their public key (each does at its first check of the hub). */
async function untilPublished(owner: pg.Client, count: number): Promise<void> {
  const published = async () => (await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM pieuvre.members WHERE public_key IS NOT NULL')).rows[0]?.n;
  for (let tries = 0; (await published()) !== count; tries++) {
    if (tries > 500) throw new Error(`Timed out waiting until ${count} desktops published their public key.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const failureOf = (work: () => unknown) => {
  try {
    work();
    return null;
  } catch (error) {
    return error;
  }
};

/** Julie creates the workspace; Marc and Léa join; Zoé is invited (before any rotation) but joins later. */
async function teamOfThree() {
  const hub = await newTestHub(postgres.cluster, { migrate: false });
  await hub.close();
  const julie = newDesktop();
  await julie.hub.create({ url: hub.ownerUrl, workspaceName: 'Équipe Soleil', myName: 'Julie' });
  const joined = async (name: string) => {
    const desktop = newDesktop();
    await desktop.hub.join({ invitation: (await julie.hub.invite({ name, expiresInDays: 7 })).invitation });
    return desktop;
  };
  const [marc, lea] = [await joined('Marc'), await joined('Léa')];
  const zoeInvitation = (await julie.hub.invite({ name: 'Zoé', expiresInDays: 7 })).invitation;
  return { ownerUrl: hub.ownerUrl, database: hub.database, julie, marc, lea, zoeInvitation };
}

describe('team key rotation for the teammates who stay', () => {
  it('gives the rotated key to the teammates who stay, without a new invitation, and none to the removed one', async () => {
    const { ownerUrl, database, julie, marc, lea, zoeInvitation } = await teamOfThree();
    const v1 = await keyOf(julie);
    const owner = await asHubOwner(ownerUrl);
    await untilPublished(owner, 3);

    await julie.hub.removeMember(roleOf(marc));
    const v2 = await keyOf(julie);
    expect(v2.version).toBe(2);
    await until('Léa’s desktop holds version 2', () => readMembership(lea.core.context.db)?.keyVersion === 2);
    expect(await keyOf(lea)).toEqual(v2);
    expect(lea.hub.status()).toMatchObject({ state: 'connected', problem: null });

    // A token sealed after the rotation opens on Léa's desktop; Marc's key opens none of it.
    await (await clientOf(julie)).putSealedSecret(seal(v2, 'account:a:accessToken', 'jeton-après-rotation'));
    const [sealed] = await (await clientOf(lea)).sealedSecrets();
    expect(open(await keyOf(lea), sealed!)).toBe('jeton-après-rotation');
    const marcKey = await keyOf(marc);
    expect(marcKey).toEqual(v1);
    expect(failureOf(() => open(marcKey, sealed!))).toMatchObject({ reason: 'other_version' });
    expect(failureOf(() => open({ ...marcKey, version: 2 }, sealed!))).toMatchObject({ reason: 'not_authentic' });
    const envelopes = await owner.query<{ role_name: string; key_version: number }>('SELECT role_name, key_version FROM pieuvre.key_envelopes ORDER BY role_name');
    expect(envelopes.rows.map((row) => row.role_name).sort()).toEqual([roleOf(julie), roleOf(lea)].sort());
    expect(envelopes.rows.every((row) => row.key_version === 2)).toBe(true);

    // Zoé's invitation carried version 1: her envelope is sealed once her desktop publishes its key.
    const zoe = newDesktop();
    await zoe.hub.join({ invitation: zoeInvitation });
    await until('Zoé’s desktop holds version 2', () => readMembership(zoe.core.context.db)?.keyVersion === 2);
    expect(await keyOf(zoe)).toEqual(v2);

    const dump = await postgres.cluster.dump(database);
    expect(dump).toContain('COPY pieuvre.key_envelopes');
    for (const key of [v1, v2]) for (const encoding of ['base64', 'base64url', 'hex'] as const) expect(dump).not.toContain(key.key.toString(encoding));
  });

  it('refuses a tampered envelope with a clear problem, keeping the key it holds', async () => {
    const { ownerUrl, julie, marc, lea } = await teamOfThree();
    const owner = await asHubOwner(ownerUrl);
    await untilPublished(owner, 3);
    await julie.hub.removeMember(roleOf(marc));
    await until('Léa’s desktop holds version 2', () => readMembership(lea.core.context.db)?.keyVersion === 2);

    // Someone with the hub's owner role plants a version 3 for Léa: her envelope with one byte changed.
    await owner.query(
      `INSERT INTO pieuvre.key_envelopes (workspace_id, role_name, key_version, ephemeral_public_key, nonce, ciphertext)
       SELECT workspace_id, role_name, 3, ephemeral_public_key, nonce, overlay(ciphertext PLACING '\\xff'::bytea FROM 1 FOR 1) FROM pieuvre.key_envelopes WHERE role_name = $1 AND key_version = 2`,
      [roleOf(lea)],
    );
    await until('Léa’s desktop reports the envelope', () => lea.hub.status().problem?.code === 'key_outdated');
    expect(lea.hub.status()).toMatchObject({
      state: 'connected',
      problem: { message: `The team key version 3 sealed for ${roleOf(lea)} does not open on this desktop: it was altered on the hub, or sealed for another desktop’s key.` },
    });
    expect((await keyOf(lea)).version).toBe(2);
    expect(readMembership(lea.core.context.db)?.keyVersion).toBe(2);
  });

  it('makes a key pair at the first connection of a membership older than key envelopes, and brings it the rotated key', async () => {
    const { ownerUrl, julie, marc, lea } = await teamOfThree();
    const owner = await asHubOwner(ownerUrl);
    await untilPublished(owner, 3);
    await lea.hub.close();
    expect(await (await lea.core.secrets()).delete('hub:deskKey')).toBe(true);
    await owner.query('UPDATE pieuvre.members SET public_key = NULL WHERE role_name = $1', [roleOf(lea)]);
    lea.restart().start();
    await untilPublished(owner, 3);
    expect(await (await lea.core.secrets()).list()).toContain('hub:deskKey');

    await julie.hub.removeMember(roleOf(marc));
    await until('Léa’s desktop holds version 2', () => readMembership(lea.core.context.db)?.keyVersion === 2);
    expect(await keyOf(lea)).toEqual(await keyOf(julie));
  });
});
