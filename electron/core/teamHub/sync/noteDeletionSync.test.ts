import { describe, expect, it } from 'vitest';
import type { HubClient } from '../../hub/hubClient';
import { usePrivatePostgres } from '../../hub/testing/usePrivatePostgres';
import { conversationSeqOf, deleteNotes, insertNote } from '../../notes/noteStore';
import type { Db } from '../../store/database';
import { captureSnapshot } from './startCapture';
import type { SyncClient } from './teamSync';
import { addAccount, addConversation, addPerson, syncedState } from './testing/syncDesktop';
import { newSyncTeam } from './testing/syncTeam';

const postgres = usePrivatePostgres();

const noteTexts = (db: Db) => db.prepare('SELECT text FROM notes ORDER BY created_at, text').pluck().all();

describe('a note deleted by its author', () => {
  it('goes from every desktop, one offline meanwhile included, and no copy of it pushed after brings it back', async () => {
    let isLeaOnline = true;
    const leaOffline = (client: HubClient, index: number): SyncClient => ({
      push: (changes) => (index === 2 && !isLeaOnline ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1')) : client.push(changes)),
      pull: (afterSeq, limit) => (index === 2 && !isLeaOnline ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1')) : client.pull(afterSeq, limit)),
      desktopId: client.desktopId,
      listen: (onChange, onState) => client.listen(onChange, onState),
    });
    const team = await newSyncTeam(postgres.cluster, 3, leaOffline);
    postgres.cleanups.push(team.close);
    const [julie, marc, lea] = team.desktops as [(typeof team.desktops)[0], (typeof team.desktops)[0], (typeof team.desktops)[0]];
    const conversationId = addConversation(julie.db, addAccount(julie.db), 'thread-1');
    const juliesId = addPerson(julie.db, 'Julie', { isMe: true });
    const write = (db: Db, text: string, at: number) =>
      insertNote(db, { conversationSeq: conversationSeqOf(db, conversationId), kind: 'note', text, authorId: juliesId, authorName: 'Julie', mentions: [] }, at);
    const wrong = write(julie.db, 'Client remboursé (non : erreur)', 10);
    write(julie.db, 'Rappeler lundi', 20);
    for (const desktop of [julie, marc, lea]) await desktop.sync.syncNow();
    expect(noteTexts(lea.db)).toEqual(['Client remboursé (non : erreur)', 'Rappeler lundi']);

    isLeaOnline = false;
    deleteNotes(julie.db, [wrong]);
    await julie.sync.syncNow();
    await marc.sync.syncNow();
    expect(noteTexts(marc.db)).toEqual(['Rappeler lundi']);

    // Offline, Léa still has the note, and her desktop queues its copy again (as joining does).
    write(lea.db, 'Vu avec Léa', 30);
    captureSnapshot(lea.db);
    await expect(lea.sync.syncNow()).rejects.toThrow('ECONNREFUSED');
    isLeaOnline = true;
    await lea.sync.syncNow();
    await julie.sync.syncNow();
    await marc.sync.syncNow();

    for (const desktop of [julie, marc, lea]) expect(noteTexts(desktop.db)).toEqual(['Rappeler lundi', 'Vu avec Léa']);
    expect(syncedState(marc.db)).toEqual(syncedState(julie.db));
    expect(syncedState(lea.db)).toEqual(syncedState(julie.db));
  });
});
