import { describe, expect, it } from 'vitest';
import { usePrivatePostgres } from '../../hub/testing/usePrivatePostgres';
import { setConversationStatus } from '../../store/conversationMutations';
import type { Db } from '../../store/database';
import { addAccount, addConversation, addPerson, syncedState } from './testing/syncDesktop';
import { newSyncTeam } from './testing/syncTeam';

const postgres = usePrivatePostgres();

const statusOf = (db: Db, id: string) => db.prepare('SELECT status FROM conversations WHERE id = ?').pluck().get(id);
const versionOf = (db: Db, id: string) => db.prepare("SELECT seq, author_role FROM hub_field_versions WHERE entity = 'conversation' AND entity_id = ? AND field = 'status'").get(id);

describe('a desktop’s own changes back from the hub', () => {
  it('are not applied again (the inbox is not told of them), and a teammate’s change logged before them, pulled after, gives way', async () => {
    const team = await newSyncTeam(postgres.cluster, 2);
    postgres.cleanups.push(team.close);
    const [julie, marc] = team.desktops as [(typeof team.desktops)[0], (typeof team.desktops)[0]];
    const conversationId = addConversation(julie.db, addAccount(julie.db), 'thread-1');
    addPerson(julie.db, 'Julie', { isMe: true });
    for (const desktop of [julie, marc, julie]) await desktop.sync.syncNow();
    const seen = julie.applied;

    // Julie closes the conversation alone: her pull brings only her own change back.
    setConversationStatus(julie.db, { ids: [conversationId], status: 'done' }, 'me', 10);
    await julie.sync.syncNow();
    expect(julie.applied).toBe(seen);
    const hers = versionOf(julie.db, conversationId) as { seq: number; author_role: string };
    expect(hers.author_role).toMatch(/^pieuvre_/u);

    // Marc marks it spam and pushes first; Julie reopens it before she pulls his change: hers is later.
    await marc.sync.syncNow();
    setConversationStatus(marc.db, { ids: [conversationId], status: 'spam' }, 'me', 20);
    await marc.sync.syncNow();
    setConversationStatus(julie.db, { ids: [conversationId], status: 'open' }, 'me', 21);
    await julie.sync.syncNow();
    expect(statusOf(julie.db, conversationId)).toBe('open');
    expect((versionOf(julie.db, conversationId) as { seq: number }).seq).toBeGreaterThan(hers.seq);

    await marc.sync.syncNow();
    expect(statusOf(marc.db, conversationId)).toBe('open');
    expect(syncedState(julie.db)).toEqual(syncedState(marc.db));
  });
});
