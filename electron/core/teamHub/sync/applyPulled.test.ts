import { afterEach, describe, expect, it } from 'vitest';
import type { LoggedChange } from '../../hub/changeLog';
import { newId } from '../../ids';
import { conversationSeqOf, deleteNotes, insertNote } from '../../notes/noteStore';
import { assignConversations } from '../../store/conversationMutations';
import type { Db } from '../../store/database';
import { prepareActivityWriter } from '../../store/activity';
import { ADOPTION_SQL } from './adoptCreation';
import { applyPulled } from './applyPulled';
import { nextOutgoing } from './outgoingQueue';
import { captureSnapshot } from './startCapture';
import { readCursor } from './syncState';
import { addAccount, addConversation, addPerson, newSyncDesktop, syncedState, type SyncDesktop } from './testing/syncDesktop';

const desktops: SyncDesktop[] = [];
afterEach(() => {
  for (const desktop of desktops.splice(0)) desktop.close();
});
function desktop(): SyncDesktop {
  const made = newSyncDesktop();
  desktops.push(made);
  return made;
}

/** A stand-in for the hub's log: what desktops queued, in the order they are "pushed". */
function fakeLog() {
  const log: LoggedChange[] = [];
  return {
    log,
    push(from: SyncDesktop, madeAt?: number): LoggedChange[] {
      const pushed = nextOutgoing(from.db, 10_000).map((change, index) => ({
        ...change,
        madeAt: madeAt ?? change.madeAt,
        seq: log.length + index + 1,
        desktopId: from.desktopId,
        authorRole: 'pieuvre_0123456789abcdef',
        receivedAt: 0,
      }));
      log.push(...pushed);
      from.db.exec('DELETE FROM hub_outgoing');
      return pushed;
    },
    pull(into: SyncDesktop) {
      return applyPulled(into.db, log.filter((change) => change.seq > readCursor(into.db).cursor), 1_000, into.desktopId);
    },
  };
}

/** Two desktops sharing one conversation (created on the first, pulled by the second). */
function pair() {
  const julie = desktop();
  const marc = desktop();
  const hub = fakeLog();
  const conversationId = addConversation(julie.db, addAccount(julie.db), 'thread-1');
  addPerson(julie.db, 'Julie', { isMe: true });
  addPerson(marc.db, 'Marc', { isMe: true });
  hub.push(julie);
  hub.push(marc);
  hub.pull(julie);
  hub.pull(marc);
  return { julie, marc, hub, conversationId };
}

/** Julie's account pulled by Marc, before either ingests anything; a newcomer joins later. */
function sharedAccount() {
  const julie = desktop();
  const marc = desktop();
  const newcomer = desktop();
  const hub = fakeLog();
  const accountId = addAccount(julie.db);
  hub.push(julie);
  hub.pull(marc);
  return { julie, marc, newcomer, hub, accountId };
}

const statusOf = (db: Db, id: string) => db.prepare('SELECT status FROM conversations WHERE id = ?').pluck().get(id);

describe('applyPulled', () => {
  it('lets the later change in server order win, and moves the cursor with the changes in one transaction', () => {
    const { julie, marc, hub, conversationId } = pair();
    julie.db.prepare("UPDATE conversations SET status = 'done' WHERE id = ?").run(conversationId);
    hub.push(julie);
    marc.db.prepare("UPDATE conversations SET status = 'spam' WHERE id = ?").run(conversationId);
    hub.push(marc);
    hub.pull(julie);
    hub.pull(marc);
    expect([statusOf(julie.db, conversationId), statusOf(marc.db, conversationId)]).toEqual(['spam', 'spam']);
    expect(readCursor(marc.db).cursor).toBe(hub.log.length);
    expect(syncedState(julie.db)).toEqual(syncedState(marc.db));
  });

  it('keeps a local change still waiting to be pushed: it will come later in server order and win everywhere', () => {
    const { julie, marc, hub, conversationId } = pair();
    julie.db.prepare("UPDATE conversations SET status = 'done' WHERE id = ?").run(conversationId);
    hub.push(julie);
    marc.db.prepare("UPDATE conversations SET status = 'spam' WHERE id = ?").run(conversationId);
    hub.pull(marc);
    expect(statusOf(marc.db, conversationId)).toBe('spam');
    hub.push(marc);
    hub.pull(julie);
    hub.pull(marc);
    expect([statusOf(julie.db, conversationId), statusOf(marc.db, conversationId)]).toEqual(['spam', 'spam']);
    // Its own change back from the hub is applied too: nothing waits any more.
    julie.db.prepare("UPDATE conversations SET status = 'open' WHERE id = ?").run(conversationId);
    hub.push(julie);
    hub.pull(marc);
    expect(statusOf(marc.db, conversationId)).toBe('open');
  });

  it('appends notes and history once, however often they are pulled', () => {
    const { julie, marc, hub, conversationId } = pair();
    const noteId = insertNote(julie.db, { conversationSeq: conversationSeqOf(julie.db, conversationId), authorId: '', authorName: 'Julie', text: 'Rappeler demain', kind: 'note', mentions: [] }, 5);
    const pushed = hub.push(julie);
    hub.pull(marc);
    applyPulled(marc.db, pushed.map((change) => ({ ...change, seq: change.seq + 100 })), 2_000);
    expect(marc.db.prepare('SELECT id, text FROM notes').all()).toEqual([{ id: noteId, text: 'Rappeler demain' }]);
    expect(syncedState(marc.db).notes).toEqual(syncedState(julie.db).notes);
  });

  it('does not write again what this desktop made when the hub sends it back: a note deleted since stays deleted, its conversation stays first', () => {
    const { julie, marc, hub, conversationId } = pair();
    const conversationSeq = conversationSeqOf(julie.db, conversationId);
    const noteId = insertNote(julie.db, { conversationSeq, kind: 'note', text: 'Erreur : mauvais client', authorId: '', authorName: 'Julie', mentions: [] }, 5);
    hub.push(julie);
    // Deleted after the push, before the pull brings the note back: its deletion still waits to go.
    deleteNotes(julie.db, [noteId]);
    hub.pull(julie);
    expect(julie.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
    expect(julie.db.prepare('SELECT entity, field FROM hub_outgoing').all()).toEqual([{ entity: 'note', field: 'deleted' }]);
    // Its own creation still counts as first in server order: Marc's copy of the thread is the alias.
    const marcsCopy = addConversation(marc.db, marc.db.prepare('SELECT id FROM accounts').pluck().get() as string, 'thread-2');
    const juliesCopy = addConversation(julie.db, julie.db.prepare('SELECT id FROM accounts').pluck().get() as string, 'thread-2');
    hub.push(julie);
    hub.pull(julie);
    hub.push(marc);
    hub.pull(julie);
    hub.pull(marc);
    expect(julie.db.prepare('SELECT id FROM conversations WHERE thread_external_id = ?').pluck().get('thread-2')).toBe(juliesCopy);
    expect(marc.db.prepare('SELECT id FROM conversations WHERE thread_external_id = ?').pluck().get('thread-2')).toBe(juliesCopy);
    expect(marcsCopy).not.toBe(juliesCopy);
  });

  it('quarantines what it cannot apply, with why, and goes on with the rest', () => {
    const { marc, hub, conversationId } = pair();
    const base = { desktopId: newId(), authorRole: 'pieuvre_0123456789abcdef', receivedAt: 0, madeAt: 1, op: 'set' as const };
    const seq = hub.log.length;
    const result = applyPulled(
      marc.db,
      [
        { ...base, id: newId(), seq: seq + 1, entity: 'dashboard', entityId: 'x', field: 'layout', value: 'grid' },
        { ...base, id: newId(), seq: seq + 2, entity: 'conversation', entityId: conversationId, field: 'status', value: 'archived' },
        { ...base, id: newId(), seq: seq + 3, entity: 'conversation', entityId: newId(), field: 'status', value: 'done' },
        { ...base, id: newId(), seq: seq + 4, entity: 'conversation', entityId: conversationId, field: 'status', value: 'done' },
      ],
      3_000,
    );
    expect(result.quarantined).toBe(3);
    expect(statusOf(marc.db, conversationId)).toBe('done');
    expect(readCursor(marc.db).cursor).toBe(seq + 4);
    const reasons = marc.db.prepare("SELECT reason FROM rejected_items WHERE source = 'team hub' ORDER BY rowid").pluck().all();
    expect(reasons).toEqual([
      'This version does not know the field layout of dashboard.',
      expect.stringMatching(/^Invalid value: value Invalid option: expected one of "open"\|"snoozed"\|"done"\|"spam"/u),
      expect.stringMatching(/^No conversation .+ here\.$/u),
    ]);
  });

  it('ends with one conversation when two desktops ingested the same thread: the id first in server order, everywhere', () => {
    const { julie, marc, newcomer, hub, accountId } = sharedAccount();
    const first = addConversation(julie.db, accountId, 'thread-9');
    const second = addConversation(marc.db, accountId, 'thread-9');
    marc.db.prepare("UPDATE conversations SET status = 'done' WHERE id = ?").run(second);
    hub.push(julie);
    // Marc learns of Julie's first: his own takes her id, and what he queued follows it.
    hub.pull(marc);
    expect(marc.db.prepare('SELECT id, status FROM conversations').all()).toEqual([{ id: first, status: 'done' }]);
    hub.push(marc);
    for (const each of [julie, marc, newcomer]) hub.pull(each);
    for (const db of [julie.db, marc.db, newcomer.db]) expect(db.prepare('SELECT id, status FROM conversations').all()).toEqual([{ id: first, status: 'done' }]);
  });

  it('renames what was queued about two copies adopted in one pull: notes, tags and history follow the first ids everywhere', () => {
    const { julie, marc, newcomer, hub, accountId } = sharedAccount();
    const threads = ['thread-8', 'thread-9'];
    const firsts = threads.map((thread) => addConversation(julie.db, accountId, thread));
    const seconds = threads.map((thread) => addConversation(marc.db, accountId, thread));
    const tagSeq = Number(marc.db.prepare("INSERT INTO tags (id, name, created_at) VALUES (?, 'facturation', 1)").run(newId()).lastInsertRowid);
    for (const [index, id] of seconds.entries()) {
      const conversationSeq = conversationSeqOf(marc.db, id);
      insertNote(marc.db, { conversationSeq, authorId: '', authorName: 'Marc', text: `Rappeler ${index}`, kind: 'note', mentions: [] }, 5);
      marc.db.prepare('INSERT INTO conversation_tags (conversation_seq, tag_seq, created_at) VALUES (?, ?, 6)').run(conversationSeq, tagSeq);
      prepareActivityWriter(marc.db)({ at: 7, actor: 'me', action: 'conversation.priority', subjectType: 'conversation', subjectId: id, data: { priority: 'high' } });
    }
    hub.push(julie);
    hub.pull(marc);
    // Nothing Marc still has to push names his own copies: other desktops never knew those ids.
    const queued = JSON.stringify(marc.db.prepare('SELECT entity_id, value FROM hub_outgoing').all());
    for (const id of seconds) expect(queued).not.toContain(id);
    for (const id of firsts) expect(queued).toContain(id);
    hub.push(marc);
    for (const each of [julie, marc, newcomer]) hub.pull(each);
    for (const { db } of [julie, marc, newcomer]) {
      const byThread = (sql: string) => db.prepare(`${sql} ORDER BY c.thread_external_id`).all();
      expect(byThread('SELECT c.id, n.text FROM notes n JOIN conversations c ON c.seq = n.conversation_seq')).toEqual([{ id: firsts[0], text: 'Rappeler 0' }, { id: firsts[1], text: 'Rappeler 1' }]);
      expect(byThread('SELECT c.id, t.name FROM conversation_tags ct JOIN conversations c ON c.seq = ct.conversation_seq JOIN tags t ON t.seq = ct.tag_seq')).toEqual(firsts.map((id) => ({ id, name: 'facturation' })));
      expect(byThread("SELECT a.subject_id FROM activity a JOIN conversations c ON c.seq = a.conversation_seq WHERE a.action = 'conversation.priority'")).toEqual(firsts.map((id) => ({ subject_id: id })));
    }
  });

  it('adopts a conversation through indexes only: thousands in a row (two desktops that ingested the same account) each cost a look-up, not a pass', () => {
    const { db } = desktop();
    const planOf = (sql: string) => db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from({ length: (sql.match(/\?/gu) ?? []).length }, () => 'x')).map((row) => row.detail);
    for (const [name, sql] of Object.entries(ADOPTION_SQL)) expect(planOf(sql).filter((detail) => detail.startsWith('SCAN')), name).toEqual([]);
  });

  it('keeps one account per platform id when two desktops connected it apart, each under its own id (its tokens are filed under it)', () => {
    const julie = desktop();
    const marc = desktop();
    const hub = fakeLog();
    const julieAccount = addAccount(julie.db);
    const marcAccount = addAccount(marc.db);
    hub.push(julie);
    hub.push(marc);
    hub.pull(julie);
    hub.pull(marc);
    expect(julie.db.prepare('SELECT id FROM accounts').pluck().all()).toEqual([julieAccount]);
    expect(marc.db.prepare('SELECT id FROM accounts').pluck().all()).toEqual([marcAccount]);
    // A conversation Marc's desktop ingests lands under Julie's own account on hers.
    const conversationId = addConversation(marc.db, marcAccount, 'thread-7');
    marc.db.prepare("UPDATE accounts SET name = 'Café Lune (Marc)' WHERE id = ?").run(marcAccount);
    hub.push(marc);
    hub.pull(julie);
    expect(julie.db.prepare('SELECT a.id, a.name FROM conversations c JOIN accounts a ON a.seq = c.account_seq WHERE c.id = ?').get(conversationId)).toEqual({
      id: julieAccount,
      name: 'Café Lune (Marc)',
    });
    expect(julie.db.prepare("SELECT count(*) FROM rejected_items").pluck().get()).toBe(0);
  });

  it('tells both desktops when two people assigned one conversation within a minute of each other', () => {
    const { julie, marc, hub, conversationId } = pair();
    const julieId = julie.db.prepare('SELECT id FROM people WHERE is_me = 1').pluck().get() as string;
    const marcId = marc.db.prepare('SELECT id FROM people WHERE is_me = 1').pluck().get() as string;
    assignConversations(julie.db, { ids: [conversationId], assigneeId: marcId }, 'me', 10);
    assignConversations(marc.db, { ids: [conversationId], assigneeId: julieId }, 'me', 10);
    hub.push(julie, 1_000_000);
    hub.push(marc, 1_030_000);
    const event = { conversationId, by: 'Marc', to: 'Julie', previousBy: 'Julie', previousTo: 'Marc' };
    expect(hub.pull(julie).alsoAssigned).toEqual([event]);
    expect(hub.pull(marc).alsoAssigned).toEqual([event]);
    // A minute and more apart: the second knew of the first.
    assignConversations(julie.db, { ids: [conversationId], assigneeId: julieId }, 'me', 10);
    hub.push(julie, 1_100_000);
    expect(hub.pull(marc).alsoAssigned).toEqual([]);
  });

  it('brings a joiner’s snapshot in without overwriting what the team already has', () => {
    const { julie, marc, hub, conversationId } = pair();
    marc.db.prepare("UPDATE conversations SET status = 'done' WHERE id = ?").run(conversationId);
    hub.push(marc);
    hub.pull(julie);
    julie.db.prepare("UPDATE conversations SET status = 'spam' WHERE id = ?").run(conversationId);
    julie.db.exec('DELETE FROM hub_outgoing');
    captureSnapshot(julie.db);
    hub.push(julie);
    hub.pull(marc);
    expect(statusOf(marc.db, conversationId)).toBe('done');
  });
});
