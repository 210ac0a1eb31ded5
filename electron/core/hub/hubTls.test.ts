import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { HubClient } from './hubClient';
import { connectionConfig, hubUrlSchema } from './hubAddress';
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

type Trust = 'test-ca' | 'stranger-ca';
const caPath = (trust: Trust) => (trust === 'test-ca' ? cluster.certificates?.caCertPath : cluster.certificates?.strangerCaCertPath) ?? '';

/**
 * A teammate reaching the hub at `host` with the name checked, trusting only one CA: named by a
 * file (sslrootcert) or given as text, as an invitation carries it.
 */
async function memberAt(host: string, trust: Trust, as: 'file' | 'text'): Promise<HubMember> {
  const params: Record<string, string> = as === 'file' ? { sslmode: 'verify-full', sslrootcert: caPath(trust) } : { sslmode: 'verify-full' };
  const member = await hub.newMember(workspaceId, { url: cluster.url(hub.database, { host, params }) });
  return as === 'file' ? member : { ...member, serverCa: readFileSync(caPath(trust), 'utf8') };
}

describe.each(['file', 'text'] as const)('hub over TLS (sslmode=verify-full), the CA as a %s', (as) => {
  it('connects when the server’s certificate is signed by the trusted CA and names the host, encrypted', async () => {
    const member = await memberAt('localhost', 'test-ca', as);
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
    await expect(HubClient.connect(await memberAt('127.0.0.1', 'test-ca', as))).rejects.toThrow("IP: 127.0.0.1 is not in the cert's list");
  });

  it('refuses a server whose certificate another CA signed', async () => {
    await expect(HubClient.connect(await memberAt('localhost', 'stranger-ca', as))).rejects.toThrow(/self[- ]signed certificate in certificate chain|unable to verify/iu);
  });
});

describe('hub addresses', () => {
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
    expect(() => connectionConfig('postgresql://localhost/pieuvre', { serverCa: '-----BEGIN CERTIFICATE-----' })).toThrow('only used with sslmode=verify-full');
  });
});
