import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../shared/api/hub';
import { createCore } from '../core/core';
import { startPrivatePostgres, type PrivatePostgres } from '../core/hub/testing/privatePostgres';
import { newTestHub } from '../core/hub/testing/testHub';
import { addAccount, commentItem } from '../core/testing/itemBuilder';
import { callCore, pieuvre, SPAWNS_TIMEOUT_MS, type Run } from './testing/pieuvreProcess';

let cluster: PrivatePostgres;
const dataDirs: string[] = [];
beforeAll(async () => {
  cluster = await startPrivatePostgres();
}, 120_000);
afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(() => cluster?.stop());

const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pieuvre-cli-team-'));
  dataDirs.push(dir);
  return dir;
};

async function succeeds(dataDir: string, args: readonly string[], stdin = ''): Promise<Run> {
  const run = await pieuvre(dataDir, args, stdin);
  expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
  return run;
}
const json = async <T>(dataDir: string, args: readonly string[], stdin = ''): Promise<T> => JSON.parse((await succeeds(dataDir, ['--json', ...args], stdin)).stdout) as T;

/** One conversation from a customer on a new data folder; returns its id. */
async function folderWithConversation(): Promise<{ dataDir: string; conversationId: string }> {
  const dataDir = newDataDir();
  const core = createCore({ dataDir, lockAs: 'app' });
  try {
    await core.health.whenWritable();
    core.context.ingest({ accountId: addAccount(core.context.db), source: 'test', items: [commentItem({ n: 1, text: 'Ma commande n’est jamais arrivée' })] });
    const row = core.context.db.prepare<[], { id: string }>('SELECT id FROM conversations').get();
    return { dataDir, conversationId: row?.id ?? '' };
  } finally {
    core.close();
    await core.log.close();
  }
}

describe('pieuvre team, assign and inbox --assigned-to', () => {
  it(
    'creates a workspace, invites through a pipe, the teammate joins from stdin; status, a hand-off with a note, the assigned inbox, sync and leave',
    async () => {
      const hub = await newTestHub(cluster, { migrate: false });
      await hub.close();
      const { dataDir: julie, conversationId } = await folderWithConversation();

      const created = await succeeds(julie, ['team', 'create', hub.ownerUrl, '--workspace', 'Équipe Soleil', '--name', 'Julie']);
      expect(created.stdout).toMatch(/^Équipe Soleil {2}connected {2}\(owner\) {2}127\.0\.0\.1:\d+\/hub_/u);
      expect(created.stdout).not.toContain(new URL(hub.ownerUrl).password);

      const invited = await succeeds(julie, ['team', 'invite', 'Marc', '--days', '3']);
      expect(invited.stdout).toMatch(/^pieuvre-invitation-1\.[\w-]+\n$/u);

      const marc = newDataDir();
      const joined = await json<HubStatus>(marc, ['team', 'join', '-'], invited.stdout);
      expect(joined).toMatchObject({ state: 'connected', isOwner: false, me: { name: 'Marc' }, workspace: { name: 'Équipe Soleil' } });

      const status = await json<HubStatus>(julie, ['team', 'status']);
      // The invitation's new teammate reached the hub before `team invite` ended: nothing waits.
      expect(status).toMatchObject({ state: 'connected', isOwner: true, pendingChanges: 0, cursorLag: 0, problem: null });
      // A short run lists the account's lease as it finds it: its own keeper may not have taken it yet.
      expect(status.leases.map((lease) => [lease.accountName, ['me', 'nobody'].includes(lease.holder)])).toEqual([['Brûlerie Test', true]]);
      expect(status.members.map((member) => member.name)).toEqual(['Julie', 'Marc']);
      expect(await json<HubStatus>(julie, ['team', 'status', '--json'])).toMatchObject({ state: 'connected' });

      const assigned = await succeeds(julie, ['assign', conversationId, '--to', 'marc', '--note', 'Peux-tu le rappeler ?']);
      expect(assigned.stdout).toBe(`${conversationId} assigned to marc with a note.\n`);
      const notes = await callCore(julie, 'notes.list', { conversationId });
      expect(notes.map((note) => [note.kind, note.text])).toEqual([['handoff', 'Peux-tu le rappeler ?']]);
      expect((await json<{ id: string }[]>(julie, ['inbox', '--assigned-to', 'Marc'])).map((c) => c.id)).toEqual([conversationId]);
      expect(await json<unknown[]>(julie, ['inbox', '--assigned-to', 'me'])).toEqual([]);
      await succeeds(julie, ['assign', conversationId, '--to', 'me']);
      expect((await json<{ id: string }[]>(julie, ['inbox', '--assigned-to', 'me'])).map((c) => c.id)).toEqual([conversationId]);
      const unknown = await pieuvre(julie, ['assign', conversationId, '--to', 'Zoé']);
      expect(unknown).toMatchObject({ code: 1 });
      expect(unknown.stderr).toContain('No teammate is named "Zoé"; the team: ');

      const synced = await json<{ team: { state: string; pendingChanges: number } | null }>(marc, ['sync']);
      expect(synced.team).toMatchObject({ state: 'connected', pendingChanges: 0 });

      expect((await succeeds(marc, ['team', 'leave'])).stdout).toContain('keeps its local copy');
      expect(await json<HubStatus>(marc, ['team', 'status'])).toMatchObject({ state: 'local', workspace: null });
      expect((await json<{ team: unknown }>(marc, ['sync'])).team).toBeNull();
    },
    SPAWNS_TIMEOUT_MS * 2,
  );

  it(
    'says in English why it refused: a damaged invitation, a wrong password, inviting without a workspace',
    async () => {
      const dataDir = newDataDir();
      const damaged = await pieuvre(dataDir, ['team', 'join', 'pieuvre-invitation-1.abc']);
      expect(damaged).toMatchObject({ code: 1 });
      expect(damaged.stderr).toContain('This invitation is damaged');
      const hub = await newTestHub(cluster, { migrate: false });
      await hub.close();
      const wrong = new URL(hub.ownerUrl);
      wrong.password = 'pas-le-bon-mot-de-passe';
      const refused = await pieuvre(dataDir, ['team', 'create', wrong.toString()]);
      expect(refused).toMatchObject({ code: 1 });
      expect(refused.stderr).toContain('password authentication failed');
      expect(refused.stderr).not.toContain('pas-le-bon');
      const alone = await pieuvre(dataDir, ['team', 'invite', 'Marc']);
      expect(alone.stderr).toContain('not in a team workspace');
    },
    SPAWNS_TIMEOUT_MS,
  );
});
