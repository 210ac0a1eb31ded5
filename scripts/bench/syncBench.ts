import { memoryUsageMeter } from '../../electron/core/accounts/usageMeter';
import { AtpAgent } from '@atproto/api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blueskyConnectorFactory } from '../../electron/core/connectors/bluesky/blueskyConnectorFactory';
import { signInToBluesky } from '../../electron/core/connectors/bluesky/blueskySignIn';
import { createCore } from '../../electron/core/core';
import { ensureAccount } from '../../electron/core/store/accounts';
import { runSyncPass } from '../../electron/core/sync/syncPass';
import { startPeerServers } from '../peers/peerServers';

/**
 * Items per second of a full Pieuvre sync of N Bluesky notifications (connector +
 * ingest) over those of a bare `listNotifications` loop on the same data, in one run against the
 * local servers. Prints `{syncPerSecond, barePerSecond, items}` as its last line.
 */
const total = Number(process.argv[2]);
const ROUNDS = 5;
const median = (rounds: { count: number; ms: number }[]) => [...rounds].sort((a, b) => a.ms - b.ms)[Math.floor(rounds.length / 2)] ?? { count: 0, ms: 1 };
const peers = await startPeerServers(() => {});
const dir = mkdtempSync(join(tmpdir(), 'pieuvre-syncbench-'));
try {
  const { pds, control } = peers.servers.bluesky;
  const account = async (name: string) => {
    const handle = `${name}${Date.now().toString(36)}.test`;
    const agent = new AtpAgent({ service: pds });
    await agent.createAccount({ handle, password: `${handle}-pw`, email: `${handle}@example.test` });
    const { data } = await agent.com.atproto.server.createAppPassword({ name: 'pieuvre' });
    return { agent, handle, did: agent.assertDid, appPassword: data.password };
  };
  const [brand, fan] = [await account('brand'), await account('fan')];
  // Distinct dates: the AppView pages notifications by date.
  const start = Date.now() - total * 10;
  for (let from = 0; from < total; from += 200) {
    const writes = Array.from({ length: Math.min(200, total - from) }, (_, offset) => ({
      $type: 'com.atproto.repo.applyWrites#create' as const,
      collection: 'app.bsky.feed.post',
      value: {
        $type: 'app.bsky.feed.post',
        text: `@${brand.handle} question ${from + offset}`,
        facets: [{ index: { byteStart: 0, byteEnd: brand.handle.length + 1 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: brand.did }] }],
        createdAt: new Date(start + (from + offset) * 10).toISOString(),
      },
    }));
    await fan.agent.com.atproto.repo.applyWrites({ repo: fan.did, writes });
  }
  await fetch(`${control}/sync`, { method: 'POST' });

  const bareLoop = async (): Promise<number> => {
    let count = 0;
    for (let cursor: string | undefined; ; ) {
      const { data } = await brand.agent.app.bsky.notification.listNotifications({ limit: 100, reasons: ['mention', 'reply', 'quote'], cursor });
      count += data.notifications.length;
      cursor = data.cursor;
      if (!cursor || data.notifications.length === 0) return count;
    }
  };
  const signedIn = await signInToBluesky({ identifier: brand.handle, appPassword: brand.appPassword, server: pds }, { fetch, signal: AbortSignal.timeout(30_000) });
  /** A full Pieuvre sync into a fresh data folder: the sync engine's own pass (pages, ingest, quarantine, cursors after each page). */
  const pieuvreSync = async (round: number): Promise<number> => {
    const core = createCore({ dataDir: join(dir, `round-${round}`) });
    try {
      const accountId = ensureAccount(core.context.db, { platform: 'bluesky', externalId: signedIn.externalId, name: signedIn.name, handle: signedIn.handle, isDemo: false }, Date.now()).id;
      const connector = blueskyConnectorFactory.open({ id: accountId, platform: 'bluesky', externalId: signedIn.externalId, handle: signedIn.handle, server: signedIn.server }, signedIn.secret, { now: Date.now, fetch, saveSecret: async () => {}, app: null, usage: memoryUsageMeter() });
      const summary = await runSyncPass(core.context, accountId, connector, { signal: AbortSignal.timeout(300_000), backfillSince: 0, onProgress: () => {}, onNotice: () => {} });
      return summary.inserted;
    } finally {
      core.close();
    }
  };
  const timed = async (run: () => Promise<number>) => {
    const started = performance.now();
    const count = await run();
    return { count, ms: performance.now() - started };
  };
  // Once each untimed (the server's caches warm), then rounds that alternate the two, so a slow
  // moment of the shared machine falls on both alike; the median round of each is compared.
  await bareLoop();
  await pieuvreSync(0);
  const bareRounds: { count: number; ms: number }[] = [];
  const syncRounds: { count: number; ms: number }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    bareRounds.push(await timed(bareLoop));
    syncRounds.push(await timed(() => pieuvreSync(round)));
  }
  const bare = median(bareRounds);
  const synced = median(syncRounds);
  console.log(JSON.stringify({ items: synced.count, bare: bare.count, syncPerSecond: (synced.count / synced.ms) * 1000, barePerSecond: (bare.count / bare.ms) * 1000 }));
} finally {
  await peers.stop();
  rmSync(dir, { recursive: true, force: true });
}
