import { beforeAll, describe, expect, it } from 'vitest';
import { HoldingProxy } from '../../../../scripts/peers/holdingProxy';
import { ensurePeers, ENSURE_PEERS_TIMEOUT_MS, type PeerServers } from '../../../../scripts/peers/peers';
import { ConnectorError } from '../connector';
import { blueskySecretSchema } from './blueskySecret';
import { connectBrand, syncAll } from '../../testing/blueskyTestKit';

// The session's life on the local Bluesky network: an expired or unreadable access token is
// renewed and saved before use, a revoked app password stops the account, an unreachable server
// is retried until it answers again.

let peers: PeerServers;
beforeAll(async () => {
  peers = await ensurePeers();
}, ENSURE_PEERS_TIMEOUT_MS);

/** The stored session with an access token the PDS refuses (InvalidToken), as an expired one is. */
const withRefusedAccessToken = (secret: string) => JSON.stringify({ ...JSON.parse(secret), accessJwt: 'not-a-token' });

async function failureOf(attempt: Promise<unknown>): Promise<ConnectorError> {
  const error = await attempt.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof ConnectorError)) throw new Error(`Expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe('Bluesky session', { timeout: 60_000 }, () => {
  it('renews a refused access token and saves the new session before any call uses it', async () => {
    const events: string[] = [];
    const saved: string[] = [];
    const tracing: typeof fetch = (url, init) => {
      events.push(`call ${new URL(String(url)).pathname} saved:${saved.length} ${new Headers(init?.headers).get('authorization')?.slice(-12)}`);
      return fetch(url, init);
    };
    const brand = await connectBrand(peers, { secret: withRefusedAccessToken, fetch: tracing, saved });
    const original = blueskySecretSchema.parse(JSON.parse(brand.signedIn.secret));
    await syncAll(brand.connector);
    expect(brand.saved).toHaveLength(1);
    const renewed = blueskySecretSchema.parse(JSON.parse(brand.saved[0] ?? ''));
    expect(renewed).toMatchObject({ did: original.did, service: original.service, appPassword: original.appPassword });
    expect(renewed.refreshJwt).not.toBe(original.refreshJwt);
    // Every call after the renewal carries the new token, and was made once it was saved.
    const renewal = events.findIndex((event) => event.includes('refreshSession'));
    expect(renewal).toBeGreaterThan(0);
    const after = events.slice(renewal + 1);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((event) => event.includes('saved:1') && event.endsWith(renewed.accessJwt.slice(-12)))).toBe(true);
  });

  it('reports auth once the app password is revoked and the token must be renewed', async () => {
    const brand = await connectBrand(peers, { secret: withRefusedAccessToken });
    await brand.agent.com.atproto.server.revokeAppPassword({ name: 'pieuvre' });
    const error = await failureOf(syncAll(brand.connector));
    expect(error.kind).toBe('auth');
    expect(brand.saved).toEqual([]);
  });

  it('is offline while the server cannot be reached, and syncs again once it can', async () => {
    const proxy = await HoldingProxy.start(peers.bluesky.pds);
    try {
      const brand = await connectBrand(peers, { server: proxy.url });
      const { cursors } = await syncAll(brand.connector);
      await proxy.stop();
      const error = await failureOf(syncAll(brand.connector, { cursors }));
      expect(error.kind).toBe('offline');
      await proxy.start();
      const again = await syncAll(brand.connector, { cursors });
      expect(again.pages.at(-1)?.hasMore).toBe(false);
    } finally {
      await proxy.stop();
    }
  });
});
