import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { HubClient } from './hubClient';
import { hubUrlSchema } from './hubAddress';
import type { HubMember } from './hubInputs';
import { startPrivatePostgres, type PrivatePostgres } from './testing/privatePostgres';
import { newTestHub, type TestHub } from './testing/testHub';

let cluster: PrivatePostgres;
let hub: TestHub;
let workspaceId: string;
beforeAll(async () => {
  cluster = await startPrivatePostgres({ tls: true });
  hub = await newTestHub(cluster);
  workspaceId = await hub.newWorkspace();
}, 120_000);
afterAll(async () => {
  await hub?.close();
  cluster?.stop();
});

/** A teammate reaching the hub at `host`, trusting only the CA in `caPath`, the name checked. */
const memberAt = (host: string, caPath: string | undefined): Promise<HubMember> =>
  hub.newMember(workspaceId, { url: cluster.url(hub.database, { host, params: { sslmode: 'verify-full', sslrootcert: caPath ?? '' } }) });

describe('hub over TLS (sslmode=verify-full)', () => {
  it('connects when the server’s certificate is signed by the trusted CA and names the host, encrypted', async () => {
    const member = await memberAt('localhost', cluster.certificates?.caCertPath);
    const client = await HubClient.connect(member);
    try {
      expect(await client.pull(0, 10)).toEqual([]);
      // The pool keeps its connection open: the server says how it came in.
      const sessions = await cluster.asSuperuser<{ ssl: boolean }>(`SELECT ssl FROM pg_stat_ssl JOIN pg_stat_activity USING (pid) WHERE usename = '${member.role}'`);
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions.every((session) => session.ssl)).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('refuses a server whose certificate does not name the host it was reached at', async () => {
    await expect(HubClient.connect(await memberAt('127.0.0.1', cluster.certificates?.caCertPath))).rejects.toThrow("IP: 127.0.0.1 is not in the cert's list");
  });

  it('refuses a server whose certificate another CA signed', async () => {
    await expect(HubClient.connect(await memberAt('localhost', cluster.certificates?.strangerCaCertPath))).rejects.toThrow(/self[- ]signed certificate in certificate chain|unable to verify/iu);
  });

  it('takes no hub address that would send the team’s data unchecked over the network', () => {
    const problem = (url: string) => {
      const parsed = hubUrlSchema.safeParse(url);
      return parsed.success ? undefined : parsed.error.issues[0]?.message;
    };
    expect(problem('postgresql://hub.example.org/pieuvre')).toBe('A hub on another computer (hub.example.org) needs sslmode=verify-full in its address.');
    expect(problem('postgresql://hub.example.org/pieuvre?sslmode=require')).toContain('sslmode=require is not supported');
    expect(problem('postgresql://hub.example.org:5432')).toContain('names no database');
    expect(problem('mysql://hub.example.org/pieuvre')).toContain('must start with postgresql://');
    expect(problem('postgresql://hub.example.org/pieuvre?sslmode=verify-full')).toBeUndefined();
    expect(problem('postgres://localhost:5432/pieuvre')).toBeUndefined();
    expect(() => hubUrlSchema.parse('not a url')).toThrow(ZodError);
  });
});
