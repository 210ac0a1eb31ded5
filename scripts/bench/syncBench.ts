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
  // Once untimed: the server's caches are warm for both measured passes.
  await bareLoop();
  const bareStarted = performance.now();
  const bare = await bareLoop();
  const bareMs = performance.now() - bareStarted;

  const core = createCore({ dataDir: dir });
  const signedIn = await signInToBluesky({ identifier: brand.handle, appPassword: brand.appPassword, server: pds }, { fetch, signal: AbortSignal.timeout(30_000) });
  const accountId = ensureAccount(core.context.db, { platform: 'bluesky', externalId: signedIn.externalId, name: signedIn.name, handle: signedIn.handle, isDemo: false }, Date.now()).id;
  const connector = blueskyConnectorFactory.open({ id: accountId, platform: 'bluesky', externalId: signedIn.externalId, handle: signedIn.handle, server: signedIn.server }, signedIn.secret, { now: Date.now, fetch, saveSecret: async () => {} });
  // The sync engine's own pass: pages, ingest, quarantine and cursors stored after each page.
  const syncStarted = performance.now();
  const summary = await runSyncPass(core.context, accountId, connector, { signal: AbortSignal.timeout(300_000), backfillSince: 0, onProgress: () => {}, onNotice: () => {} });
  const syncMs = performance.now() - syncStarted;
  const synced = summary.inserted;
  core.close();
  console.log(JSON.stringify({ items: synced, bare, syncPerSecond: (synced / syncMs) * 1000, barePerSecond: (bare / bareMs) * 1000 }));
} finally {
  await peers.stop();
  rmSync(dir, { recursive: true, force: true });
}
