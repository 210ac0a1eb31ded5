import { afterEach, describe, expect, it } from 'vitest';
import { conversationSeqOf, deleteNotes, insertNote } from '../../notes/noteStore';
import { assignConversations, tagConversations } from '../../store/conversationMutations';
import type { Db } from '../../store/database';
import { withoutCapture } from './captureSwitch';
import { captureSnapshot } from './startCapture';
import { addAccount, addConversation, addPerson, newSyncDesktop, type SyncDesktop } from './testing/syncDesktop';

const desktops: SyncDesktop[] = [];
afterEach(() => {
  for (const desktop of desktops.splice(0)) desktop.close();
});

function desktop(): SyncDesktop {
  const made = newSyncDesktop(() => 1_764_900_000_000);
  desktops.push(made);
  return made;
}

type Queued = { entity: string; entity_id: string; field: string; value: unknown; op: string; made_at: number };
function takeQueue(db: Db): Queued[] {
  const rows = db.prepare<[], Queued & { value: string }>('SELECT entity, entity_id, field, value, op, made_at FROM hub_outgoing ORDER BY seq').all();
  db.exec('DELETE FROM hub_outgoing');
  return rows.map((row) => ({ ...row, value: JSON.parse(row.value) as unknown }));
}

describe('startCapture', () => {
  it('queues each synced conversation field with the value it took, by conversation id, at the clock’s time', () => {
    const { db } = desktop();
    const conversationId = addConversation(db, addAccount(db), 'thread-1');
    const julie = addPerson(db, 'Julie', { isMe: true });
    takeQueue(db);
    db.prepare("UPDATE conversations SET status = 'snoozed', snooze_until = 99, priority = 2, urgent_at = 7 WHERE id = ?").run(conversationId);
    db.prepare('UPDATE conversations SET status = status, unread_count = 3, snippet = ? WHERE id = ?').run('pas synchronisé', conversationId);
    assignConversations(db, { ids: [conversationId], assigneeId: julie }, 'me', 5);
    // One statement's triggers fire in SQLite's order, not the columns': compared by field.
    const byField = (a: Queued, b: Queued) => a.field.localeCompare(b.field);
    expect(takeQueue(db).filter((queued) => queued.entity === 'conversation').sort(byField)).toEqual([
      { entity: 'conversation', entity_id: conversationId, field: 'status', value: 'snoozed', op: 'set', made_at: 1_764_900_000_000 },
      { entity: 'conversation', entity_id: conversationId, field: 'snoozeUntil', value: 99, op: 'set', made_at: 1_764_900_000_000 },
      { entity: 'conversation', entity_id: conversationId, field: 'priority', value: 2, op: 'set', made_at: 1_764_900_000_000 },
      { entity: 'conversation', entity_id: conversationId, field: 'urgentAt', value: 7, op: 'set', made_at: 1_764_900_000_000 },
      { entity: 'conversation', entity_id: conversationId, field: 'assignee', value: { personId: julie, by: 'Julie' }, op: 'set', made_at: 1_764_900_000_000 },
    ].sort(byField));
  });

  it('names rows by their stable ids: a new conversation carries its account id and its contact, tags go by name, notes and history append', () => {
    const { db } = desktop();
    const accountId = addAccount(db);
    const conversationId = addConversation(db, accountId, 'thread-2');
    tagConversations(db, { ids: [conversationId], add: ['Urgent'], remove: [] }, 'me', 5);
    tagConversations(db, { ids: [conversationId], add: [], remove: ['Urgent'] }, 'me', 6);
    const queued = takeQueue(db);
    const created = queued.find((change) => change.entity === 'conversation' && change.field === 'created');
    expect(created?.value).toMatchObject({ accountId, threadExternalId: 'thread-2', contact: { platform: 'mastodon', externalId: 'author-thread-2', name: 'Éloïse' }, post: null });
    expect(JSON.stringify(created?.value)).not.toMatch(/"(account_seq|contact_seq|seq)"/u);
    expect(queued.filter((change) => change.entity === 'conversationTag').map((change) => [change.entity_id, change.value])).toEqual([
      [`${conversationId}/urgent`, { conversationId, tag: 'Urgent', isPresent: true }],
      [`${conversationId}/urgent`, { conversationId, tag: 'Urgent', isPresent: false }],
    ]);
    expect(queued.filter((change) => change.entity === 'activity').map((change) => [change.op, (change.value as { subjectId: string }).subjectId])).toEqual([
      ['append', conversationId],
      ['append', conversationId],
    ]);
  });

  it('leaves demo accounts, their conversations and their history out, and what never syncs (unread, drafts, wellbeing)', () => {
    const { db } = desktop();
    const demoConversation = addConversation(db, addAccount(db, { isDemo: true, platform: 'bluesky', externalId: 'demo' }), 'demo-thread');
    db.prepare("UPDATE conversations SET status = 'done', unread_count = 4 WHERE id = ?").run(demoConversation);
    tagConversations(db, { ids: [demoConversation], add: ['Démo'], remove: [] }, 'me', 5);
    const me = addPerson(db, 'Julie', { isMe: true });
    takeQueue(db);
    db.prepare("INSERT INTO wellbeing_log (person_seq, kind, at) SELECT seq, 'peek', 1 FROM people WHERE id = ?").run(me);
    db.prepare('UPDATE people SET break_reminder_minutes = 30, undo_send_ms = 0 WHERE id = ?').run(me);
    expect(takeQueue(db)).toEqual([]);
  });

  it('queues a note its author deletes, but not the notes that go with a conversation or an account removed here', () => {
    const { db } = desktop();
    const accountId = addAccount(db);
    const note = (conversationId: string) => insertNote(db, { conversationSeq: conversationSeqOf(db, conversationId), kind: 'note', text: 'À rappeler', authorId: '', authorName: 'Julie', mentions: [] }, 1);
    const [first, second, third] = ['thread-1', 'thread-2', 'thread-3'].map((thread) => addConversation(db, accountId, thread)) as [string, string, string];
    const deleted = note(first);
    note(second);
    note(third);
    takeQueue(db);
    deleteNotes(db, [deleted]);
    expect(takeQueue(db)).toEqual([expect.objectContaining({ entity: 'note', entity_id: deleted, field: 'deleted', value: true, op: 'set' })]);
    db.prepare('DELETE FROM conversations WHERE id = ?').run(second);
    db.prepare('DELETE FROM accounts WHERE id = ?').run(accountId);
    expect(takeQueue(db).filter((change) => change.entity === 'note')).toEqual([]);
  });

  it('queues nothing while pulled changes are applied, nor after stop()', () => {
    const made = desktop();
    const { db } = made;
    const conversationId = addConversation(db, addAccount(db), 'thread-3');
    takeQueue(db);
    withoutCapture(db, () => db.prepare("UPDATE conversations SET status = 'done' WHERE id = ?").run(conversationId));
    expect(takeQueue(db)).toEqual([]);
    db.prepare("UPDATE conversations SET status = 'open' WHERE id = ?").run(conversationId);
    expect(takeQueue(db)).toHaveLength(1);
    made.capture.stop();
    db.prepare("UPDATE conversations SET status = 'spam' WHERE id = ?").run(conversationId);
    expect(takeQueue(db)).toEqual([]);
  });

  it('snapshots what exists as creations, accounts before the conversations that name them, demo data left out', () => {
    const { db } = desktop();
    const accountId = addAccount(db);
    const conversationId = addConversation(db, accountId, 'thread-4');
    db.prepare("UPDATE conversations SET status = 'done' WHERE id = ?").run(conversationId);
    tagConversations(db, { ids: [conversationId], add: ['VIP'], remove: [] }, 'me', 5);
    addConversation(db, addAccount(db, { isDemo: true, platform: 'bluesky', externalId: 'demo' }), 'demo-thread');
    takeQueue(db);
    captureSnapshot(db);
    const queued = takeQueue(db);
    expect(queued.map((change) => `${change.entity}.${change.field}`)).toEqual([
      'account.created',
      'conversation.created',
      'conversationTag.isPresent',
      'activity.created',
      'rule.created',
      'rule.created',
      'ruleVersion.saved',
      'ruleVersion.saved',
    ]);
    expect(queued[1]?.value).toMatchObject({ accountId, status: 'done' });
    expect(queued.slice(4).map((change) => change.entity_id)).toEqual(['built-in:crisis', 'built-in:spam', 'built-in:crisis/1', 'built-in:spam/1']);
  });
});
