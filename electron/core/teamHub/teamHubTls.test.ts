import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeInvitation } from '../hub/invitation';
import { startPrivatePostgres, type PrivatePostgres } from '../hub/testing/privatePostgres';
import { newTestHub } from '../hub/testing/testHub';
import { readMembership } from './membershipStore';
import { useTeamDesktops } from './testing/teamDesktops';

let cluster: PrivatePostgres;
const { newDesktop } = useTeamDesktops();
beforeAll(async () => {
  cluster = await startPrivatePostgres({ tls: true });
}, 120_000);
afterAll(() => cluster?.stop());

/** The owner's URL at `host`, its name checked against the server's certificate. */
async function ownerUrlAt(host: string): Promise<string> {
  const hub = await newTestHub(cluster, { migrate: false });
  await hub.close();
  const url = new URL(hub.ownerUrl);
  url.hostname = host;
  url.searchParams.set('sslmode', 'verify-full');
  return url.toString();
}

const pem = (which: 'caCertPath' | 'strangerCaCertPath') => readFileSync(cluster.certificates?.[which] ?? '', 'utf8');

describe('a team workspace over TLS with a private CA', () => {
  it('is created with the CA as text, which the invitation carries: the teammate joins with nothing else', async () => {
    const julie = newDesktop();
    const created = await julie.hub.create({ url: await ownerUrlAt('localhost'), workspaceName: 'Équipe Soleil', myName: 'Julie', serverCa: pem('caCertPath') });
    expect(created).toMatchObject({ state: 'connected', problem: null });
    expect(readMembership(julie.core.context.db)).toMatchObject({ serverCa: pem('caCertPath'), hubUrl: expect.stringMatching(/^postgresql:\/\/localhost:\d+\/hub_\w+\?sslmode=verify-full$/u) });
    const { invitation } = await julie.hub.invite({ name: 'Marc', expiresInDays: 7 });
    expect(decodeInvitation(invitation, julie.core.now.value).serverCa).toBe(pem('caCertPath'));
    const marc = newDesktop();
    expect(await marc.hub.join({ invitation })).toMatchObject({ state: 'connected', me: { name: 'Marc' } });
  });

  it('is refused as a TLS problem when the certificate does not name the host or another CA signed it', async () => {
    const desktop = newDesktop();
    const input = { workspaceName: 'Équipe', myName: 'Julie' };
    await expect(desktop.hub.create({ ...input, url: await ownerUrlAt('127.0.0.1'), serverCa: pem('caCertPath') })).rejects.toMatchObject({ code: 'unavailable', reason: 'tls' });
    await expect(desktop.hub.create({ ...input, url: await ownerUrlAt('localhost'), serverCa: pem('strangerCaCertPath') })).rejects.toMatchObject({ code: 'unavailable', reason: 'tls' });
    expect(readMembership(desktop.core.context.db)).toBeNull();
  });
});
