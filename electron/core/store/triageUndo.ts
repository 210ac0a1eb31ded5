import { ApiFailure } from '../../../shared/api/result';
import type { ConversationStatus } from '../../../shared/domain/entities';
import { newId } from '../ids';
import { prepareActivityWriter } from './activity';
import type { Db } from './database';
import type { Actor } from './conversationMutations';

/** The part of a conversation one triage action changes: undo restores that part and nothing else. */
export type TriageField = 'status' | 'read' | 'tags' | 'urgent' | 'assignee';

type TriageState = { status: ConversationStatus; snoozeUntil: number | null; unreadCount: number; tags: string[]; urgentAt: number | null; assigneeId: string | null };

/** One conversation an action changed: its field as it was, and as the action left it. */
type ChangedRow = { id: string; before: TriageState; after: TriageState };

/**
 * What one triage call changed, enough to put it back. `noteIds`: the notes it wrote (a
 * hand-off's), deleted with their notices when it is undone.
 */
export type TriageRecord = { field: TriageField; rows: ChangedRow[]; noteIds?: readonly string[] };

type StateRow = { id: string; seq: number; status: ConversationStatus; snooze_until: number | null; unread_count: number; urgent_at: number | null; assignee_id: string | null; tags: string };

function readStates(db: Db, ids: readonly string[]): Map<string, TriageState & { seq: number }> {
  const rows = db
    .prepare<[string], StateRow>(
      `SELECT c.id, c.seq, c.status, c.snooze_until, c.unread_count, c.urgent_at, c.assignee_id,
         (SELECT json_group_array(name) FROM (SELECT t.name FROM conversation_tags ct JOIN tags t ON t.seq = ct.tag_seq WHERE ct.conversation_seq = c.seq ORDER BY t.name)) AS tags
       FROM conversations c WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids));
  return new Map(
    rows.map((row) => [
      row.id,
      { seq: row.seq, status: row.status, snoozeUntil: row.snooze_until, unreadCount: row.unread_count, urgentAt: row.urgent_at, assigneeId: row.assignee_id, tags: JSON.parse(row.tags) as string[] },
    ]),
  );
}

const sameField = (field: TriageField, a: TriageState, b: TriageState): boolean => {
  switch (field) {
    case 'status':
      return a.status === b.status && a.snoozeUntil === b.snoozeUntil;
    case 'read':
      return a.unreadCount === b.unreadCount;
    case 'tags':
      return a.tags.join('\n') === b.tags.join('\n');
    case 'urgent':
      return a.urgentAt === b.urgentAt;
    case 'assignee':
      return a.assigneeId === b.assigneeId;
  }
};

/**
 * Runs a triage change in one transaction and returns it with what it changed: the state of
 * each touched conversation before and after, for the one field the action is about. Rows the
 * action left as they were (done again, a tag they already had) are not part of it.
 */
export function recordingTriage<T>(db: Db, ids: readonly string[], field: TriageField, change: () => T): { result: T; record: TriageRecord } {
  return db.transaction(() => {
    const before = readStates(db, ids);
    const result = change();
    const after = readStates(db, ids);
    const rows = [...before].flatMap(([id, was]) => {
      const now = after.get(id);
      return now && !sameField(field, was, now) ? [{ id, before: was, after: now }] : [];
    });
    return { result, record: { field, rows } };
  })();
}

type Restorer = (seq: number, to: TriageState, now: number) => void;

function prepareRestorers(db: Db): Record<TriageField, Restorer> {
  const status = db.prepare('UPDATE conversations SET status = ?, snooze_until = ?, updated_at = ? WHERE seq = ?');
  const read = db.prepare('UPDATE conversations SET unread_count = ?, updated_at = ? WHERE seq = ?');
  const urgent = db.prepare('UPDATE conversations SET urgent_at = ?, updated_at = ? WHERE seq = ?');
  const assignee = db.prepare('UPDATE conversations SET assignee_id = ?, updated_at = ? WHERE seq = ?');
  const unlinkAll = db.prepare('DELETE FROM conversation_tags WHERE conversation_seq = ?');
  // A tag the action removed was in the tags table then; it may have been cleaned up since.
  const ensureTag = db.prepare('INSERT INTO tags (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING');
  const link = db.prepare('INSERT INTO conversation_tags (conversation_seq, tag_seq, created_at) SELECT ?, seq, ? FROM tags WHERE name = ?');
  return {
    status: (seq, to, now) => status.run(to.status, to.snoozeUntil, now, seq),
    read: (seq, to, now) => read.run(to.unreadCount, now, seq),
    urgent: (seq, to, now) => urgent.run(to.urgentAt, now, seq),
    assignee: (seq, to, now) => assignee.run(to.assigneeId, now, seq),
    tags: (seq, to, now) => {
      unlinkAll.run(seq);
      for (const name of to.tags) {
        ensureTag.run(newId(), name, now);
        link.run(seq, now, name);
      }
    },
  };
}

/** The history line an undo leaves: the same kind of line as the change, back to the earlier value, marked as an undo. */
function historyOf(row: ChangedRow, field: TriageField): { action: string; data: Record<string, unknown> } {
  const { before, after } = row;
  switch (field) {
    case 'status':
      return { action: 'conversation.status', data: { status: before.status, snoozeUntil: before.snoozeUntil, isUndo: true } };
    case 'read':
      return { action: before.unreadCount === 0 ? 'conversation.read' : 'conversation.unread', data: { isUndo: true } };
    case 'urgent':
      return { action: before.urgentAt === null ? 'conversation.notUrgent' : 'conversation.urgent', data: { isUndo: true } };
    case 'assignee':
      return { action: 'conversation.assigned', data: { assigneeId: before.assigneeId, isUndo: true } };
    case 'tags':
      return {
        action: 'conversation.tags',
        data: { add: before.tags.filter((tag) => !after.tags.includes(tag)), remove: after.tags.filter((tag) => !before.tags.includes(tag)), isUndo: true },
      };
  }
}

/**
 * Puts back what a triage call changed, in one transaction, or nothing: if any of those
 * conversations changed in that field since (a new message, a teammate, another window),
 * the undo is refused as a whole, because restoring would silently overwrite the later change.
 */
export function undoTriage(db: Db, record: TriageRecord, actor: Actor, now: number): string[] {
  const restore = prepareRestorers(db)[record.field];
  const write = prepareActivityWriter(db);
  return db.transaction(() => {
    const current = readStates(db, record.rows.map((row) => row.id));
    const changedSince = record.rows.filter((row) => {
      const state = current.get(row.id);
      return !state || !sameField(record.field, state, row.after);
    });
    if (changedSince.length > 0) {
      throw new ApiFailure('conflict', `${changedSince.length} of ${record.rows.length} conversations changed since; nothing was undone.`, 'changed_since');
    }
    for (const row of record.rows) {
      const state = current.get(row.id);
      if (!state) continue;
      restore(state.seq, row.before, now);
      write({ at: now, actor, subjectType: 'conversation', subjectId: row.id, ...historyOf(row, record.field) });
    }
    return record.rows.map((row) => row.id);
  })();
}
