import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient } from '../../hub/hubClient';
import type { HubMember } from '../../hub/hubInputs';
import { startPrivatePostgres, type PrivatePostgres } from '../../hub/testing/privatePostgres';
import { newTestHub } from '../../hub/testing/testHub';
import { openDatabase } from '../../store/database';
import { memoryLog } from '../../testing/memoryLog';
import { pendingCount } from './outgoingQueue';
import { TeamSync } from './teamSync';
import { newSyncDesktop, syncedState } from './testing/syncDesktop';

const CHILD = join(import.meta.dirname, 'testing/pushKillChild.ts');

let cluster: PrivatePostgres;
beforeAll(async () => {
  cluster = await startPrivatePostgres();
}, 120_000);
afterAll(() => cluster?.stop());

function runChild(dbPath: string, mode: 'kill' | 'resume', member: HubMember): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PIEUVRE_TEST_MEMBER: JSON.stringify(member) },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
}

describe('a desktop killed between its push and clearing its queue', () => {
  it('pushes the same changes again when restarted: the hub logs each once, nothing doubled, nothing lost', async () => {
    const hub = await newTestHub(cluster);
    const workspaceId = await hub.newWorkspace();
    const julie = await hub.newMember(workspaceId, { name: 'Julie' });
    const dir = mkdtempSync(join(tmpdir(), 'pieuvre-pushkill-'));
    const dbPath = join(dir, 'pieuvre.db');
    const changesOnHub = async () => Number((await hub.owner.query<{ n: string }>('SELECT count(*) AS n FROM pieuvre.changes')).rows[0]?.n);
    try {
      const killed = await runChild(dbPath, 'kill', julie);
      expect(killed.signal).toBe('SIGKILL');
      const logged = await changesOnHub();
      expect(logged).toBeGreaterThan(80);
      const inQueue = openDatabase(dbPath);
      expect(pendingCount(inQueue)).toBe(logged);
      inQueue.close();

      const resumed = await runChild(dbPath, 'resume', julie);
      expect(resumed.out).toBe('done\n');
      expect(await changesOnHub()).toBe(logged);

      const observer = newSyncDesktop();
      const client = await HubClient.connect(await hub.newMember(workspaceId, { name: 'Marc' }));
      const sync = new TeamSync({ db: observer.db, client, clock: Date.now, log: memoryLog().log, onApplied: () => {}, onAlsoAssigned: () => {}, onStats: () => {} });
      await sync.syncNow();
      const restarted = openDatabase(dbPath);
      expect(pendingCount(restarted)).toBe(0);
      const seen = syncedState(observer.db);
      expect(seen.conversations).toHaveLength(40);
      expect(seen.notes).toHaveLength(40);
      expect(seen).toEqual(syncedState(restarted));
      restarted.close();
      await client.close();
      observer.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await hub.close();
    }
  }, 120_000);
});
