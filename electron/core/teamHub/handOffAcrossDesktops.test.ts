import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPrivatePostgres, type PrivatePostgres } from '../hub/testing/privatePostgres';
import { newTestHub } from '../hub/testing/testHub';
import { keyFileKeyProvider } from '../secrets/keyFileKeyProvider';
import { createTestCore, type TestCore } from '../testing/testCore';
import { addAccount, addConversation } from './sync/testing/syncDesktop';
import { until } from './testing/teamDesktops';

let cluster: PrivatePostgres;
beforeAll(async () => {
  cluster = await startPrivatePostgres();
}, 120_000);
afterAll(() => cluster?.stop());

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()));

/** A whole core on its own data folder, with the session's real team hub (capture, sync, leases, presence). */
function desktop(): TestCore {
  const dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-team-'));
  const core = createTestCore({ dataDir, keyProviders: [keyFileKeyProvider(dataDir)] });
  cleanups.push(() => {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return core;
}

describe('a hand-off across desktops, through the real team hub', () => {
  it('Julie hands a conversation to Marc with a note on her desktop; it is in "Assigned to me" on his, note on top', async () => {
    const hub = await newTestHub(cluster, { migrate: false });
    await hub.close();
    const julie = desktop();
    const conversationId = addConversation(julie.context.db, addAccount(julie.context.db), 'thread-1');
    await julie.call('hub.create', { url: hub.ownerUrl, workspaceName: 'Équipe Soleil', myName: 'Julie' });
    const { invitation } = await julie.call('hub.invite', { name: 'Marc', expiresInDays: 7 });
    const marc = desktop();
    expect((await marc.call('hub.join', { invitation })).state).toBe('connected');
    await until('the conversation reaches Marc', () => marc.context.db.prepare('SELECT 1 FROM conversations WHERE id = ?').get(conversationId) !== undefined, 20_000);

    const marcOnJulies = julie.context.db.prepare<[], { id: string }>("SELECT id FROM people WHERE name = 'Marc'").get();
    await julie.call('conversations.assign', { ids: [conversationId], assigneeId: marcOnJulies?.id ?? null, note: 'Client fâché : rappelle-le avant midi.' });

    const mine = async () => (await marc.call('conversations.list', { assignedToMe: true })).items.map((item) => item.id);
    await until('Marc sees it assigned to him', () => marc.context.db.prepare('SELECT assignee_id FROM conversations WHERE id = ?').pluck().get(conversationId) === marcOnJulies?.id, 20_000);
    expect(await mine()).toEqual([conversationId]);
    const notes = await marc.call('notes.list', { conversationId });
    expect(notes.map((note) => [note.kind, note.text])).toContainEqual(['handoff', 'Client fâché : rappelle-le avant midi.']);
    // Written by Julie, a teammate Marc's desktop knows by the name she gave when creating the workspace.
    const author = notes.find((note) => note.kind === 'handoff')?.authorId;
    expect((await marc.call('team.list', {})).find((person) => person.id === author)?.name).toBe('Julie');
    // And nothing came back to Julie as a second copy.
    expect(julie.context.db.prepare("SELECT count(*) FROM notes WHERE kind = 'handoff'").pluck().get()).toBe(1);
  }, 90_000);
});
