import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { inProcessTransport } from '../../electron/core/api/inProcessTransport';
import { createCore, type Core } from '../../electron/core/core';
import { startPrivatePostgres } from '../../electron/core/hub/testing/privatePostgres';
import { newTestHub } from '../../electron/core/hub/testing/testHub';
import { createApiClient, throwingCall } from '../../shared/api/client';
import { ingestBench } from './benchIngest';

/**
 * `team_ingest_ratio`: the same items ingested on real (non-demo) accounts by two cores in this
 * process, one local only, one that created a team workspace on a private PostgreSQL (so it holds
 * its accounts' leases, capture queues every change and TeamSync pushes between batches). Prints
 * `{local, team, pendingAfter, drainMs}` (the first two `{rows, wallMs, ingestMs}`) as its last line.
 */
const total = Number(process.argv[2]);
const cluster = await startPrivatePostgres();
const folders: string[] = [];
const newCore = (): Core => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-bench-team-'));
  folders.push(dataDir);
  return createCore({ dataDir });
};
// Both runs let the event loop turn between batches: what the team core does then is its cost.
const run = (core: Core) => ingestBench(core, total, { isDemo: false, pause: () => setImmediate() });
const measured = ({ inserted, wallMs, ingestMs }: Awaited<ReturnType<typeof run>>) => ({ rows: inserted, wallMs, ingestMs });
try {
  const hub = await newTestHub(cluster, { migrate: false });
  await hub.close();
  // The first ingest in a process also compiles its code: a throwaway one, so neither measured run pays for it.
  const warmUp = newCore();
  await ingestBench(warmUp, Math.min(total, 10_000), { isDemo: false });
  warmUp.close();
  const local = newCore();
  const localRun = measured(await run(local));
  local.close();

  const teamed = newCore();
  const call = throwingCall(createApiClient(inProcessTransport(teamed.server, teamed.events)));
  const status = await call('hub.create', { url: hub.ownerUrl, workspaceName: 'Bench', myName: 'Bench' });
  if (status.state !== 'connected') throw new Error(`The bench's team workspace is ${status.state}: ${status.problem?.message ?? ''}`);
  const teamRun = measured(await run(teamed));
  const { pendingChanges } = await call('hub.status', {});
  // What was still queued then, pushed: how long the hub takes to have all of it.
  const draining = performance.now();
  while ((await call('hub.syncNow', {})).pendingChanges > 0);
  const drainMs = performance.now() - draining;
  teamed.close();
  console.log(JSON.stringify({ local: localRun, team: teamRun, pendingAfter: pendingChanges, drainMs }));
} finally {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  cluster.stop();
}
