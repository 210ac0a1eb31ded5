import { HubClient } from '../../../hub/hubClient';
import type { PrivatePostgres } from '../../../hub/testing/privatePostgres';
import { newTestHub, type TestHub } from '../../../hub/testing/testHub';
import { memoryLog } from '../../../testing/memoryLog';
import type { AlsoAssigned } from '../alsoAssigned';
import { TeamSync, type SyncClient } from '../teamSync';
import { newSyncDesktop, type SyncDesktop } from './syncDesktop';

/** A desktop of a test team: its database, its hub connection and its TeamSync (not started). */
export type TeamDesktop = SyncDesktop & { client: HubClient; sync: TeamSync; applied: number; alsoAssigned: AlsoAssigned[] };

/** A fresh hub database with one workspace, and `size` desktops each connected as its own teammate. */
export async function newSyncTeam(cluster: PrivatePostgres, size: number, wrap: (client: HubClient, index: number) => SyncClient = (client) => client) {
  const hub: TestHub = await newTestHub(cluster);
  const workspaceId = await hub.newWorkspace();
  const desktops: TeamDesktop[] = [];
  for (let index = 0; index < size; index += 1) {
    const member = await hub.newMember(workspaceId, { name: `Desktop ${index}` });
    const client = await HubClient.connect(member);
    const base = newSyncDesktop();
    const desktop: TeamDesktop = Object.assign(base, { client, applied: 0, alsoAssigned: [] as AlsoAssigned[] }) as TeamDesktop;
    desktop.sync = new TeamSync({
      db: base.db,
      client: wrap(client, index),
      clock: Date.now,
      log: memoryLog().log,
      onApplied: () => (desktop.applied += 1),
      onAlsoAssigned: (event) => desktop.alsoAssigned.push(event),
      onStats: () => {},
    });
    desktops.push(desktop);
  }
  return {
    hub,
    desktops,
    async close() {
      for (const desktop of desktops) {
        await desktop.sync.stop();
        await desktop.client.close();
        desktop.close();
      }
      await hub.close();
    },
  };
}

/** Polls `predicate` until it holds (or fails after `timeoutMs`). */
export async function until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Not true within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
