import { ApiFailure } from '../../../shared/api/result';
import type { ConversationStatus } from '../../../shared/domain/entities';
import { newId } from '../ids';
import { prepareActivityWriter } from './activity';
import type { Db } from './database';

/** Who made a change, for the audit trail. */
export type Actor = string;

/** Row keys of these conversations, or not_found naming the ids that do not exist. */
function seqsOf(db: Db, ids: readonly string[]): Map<string, number> {
  const rows = db
    .prepare<[string], { id: string; seq: number }>('SELECT id, seq FROM conversations WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids));
  const seqs = new Map(rows.map((row) => [row.id, row.seq]));
  const missing = ids.filter((id) => !seqs.has(id));
  if (missing.length > 0) throw new ApiFailure('not_found', `No conversation with id ${missing.join(', ')}.`);
  return seqs;
}

/** Runs a change on many conversations in one transaction, with one activity line each. */
function changeEach(db: Db, ids: readonly string[], actor: Actor, action: string, data: Record<string, unknown>, apply: (seq: number, id: string) => void, now: number): number {
  const record = prepareActivityWriter(db);
  return db.transaction(() => {
    const seqs = seqsOf(db, ids);
    for (const [id, seq] of seqs) {
      apply(seq, id);
      record({ at: now, actor, action, subjectType: 'conversation', subjectId: id, data });
    }
    return seqs.size;
  })();
}

export function setConversationStatus(
  db: Db,
  change: { ids: readonly string[]; status: ConversationStatus; snoozeUntil?: number | undefined },
  actor: Actor,
  now: number,
): number {
  const update = db.prepare('UPDATE conversations SET status = ?, snooze_until = ?, updated_at = ? WHERE seq = ?');
  const snoozeUntil = change.snoozeUntil ?? null;
  return changeEach(db, change.ids, actor, 'conversation.status', { status: change.status, snoozeUntil }, (seq) => update.run(change.status, snoozeUntil, now, seq), now);
}

export function markConversationsRead(db: Db, ids: readonly string[], read: boolean, actor: Actor, now: number): number {
  // Marking unread sets one unread message when there were none: the dot comes back.
  const update = db.prepare(
    read
      ? 'UPDATE conversations SET unread_count = 0, updated_at = ? WHERE seq = ?'
      : 'UPDATE conversations SET unread_count = max(unread_count, 1), updated_at = ? WHERE seq = ?',
  );
  return changeEach(db, ids, actor, read ? 'conversation.read' : 'conversation.unread', {}, (seq) => update.run(now, seq), now);
}

export function tagConversations(db: Db, change: { ids: readonly string[]; add: readonly string[]; remove: readonly string[] }, actor: Actor, now: number): number {
  const ensureTag = db.prepare('INSERT INTO tags (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING');
  const tagSeq = db.prepare<[string], { seq: number }>('SELECT seq FROM tags WHERE name = ?');
  const link = db.prepare('INSERT INTO conversation_tags (conversation_seq, tag_seq, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const unlink = db.prepare('DELETE FROM conversation_tags WHERE conversation_seq = ? AND tag_seq = (SELECT seq FROM tags WHERE name = ?)');
  return db.transaction(() => {
    const addSeqs = change.add.map((name) => {
      ensureTag.run(newId(), name, now);
      const row = tagSeq.get(name);
      if (!row) throw new Error(`Tag "${name}" vanished while being added.`);
      return row.seq;
    });
    return changeEach(db, change.ids, actor, 'conversation.tags', { add: change.add, remove: change.remove }, (seq) => {
      addSeqs.forEach((tag) => link.run(seq, tag, now));
      change.remove.forEach((name) => unlink.run(seq, name));
    }, now);
  })();
}

/** Snoozed conversations whose time has come go back to open; returns their ids. */
export function wakeSnoozed(db: Db, now: number): string[] {
  return db
    .prepare<[number, number], { id: string }>(
      `UPDATE conversations SET status = 'open', snooze_until = NULL, updated_at = ?
       WHERE status = 'snoozed' AND snooze_until <= ? RETURNING id`,
    )
    .all(now, now)
    .map((row) => row.id);
}

/** Marks urgent (keeping the first time it became so) or not urgent; returns the ids that just became urgent. */
export function setConversationsUrgent(db: Db, ids: readonly string[], isUrgent: boolean, actor: Actor, now: number): { updated: number; newlyUrgent: string[] } {
  const newlyUrgent: string[] = [];
  const mark = db.prepare('UPDATE conversations SET urgent_at = ?, updated_at = ? WHERE seq = ? AND urgent_at IS NULL');
  const unmark = db.prepare('UPDATE conversations SET urgent_at = NULL, updated_at = ? WHERE seq = ?');
  const updated = changeEach(db, ids, actor, isUrgent ? 'conversation.urgent' : 'conversation.notUrgent', isUrgent ? { reason: 'marked by hand' } : {}, (seq, id) => {
    if (!isUrgent) unmark.run(now, seq);
    else if (mark.run(now, now, seq).changes > 0) newlyUrgent.push(id);
  }, now);
  return { updated, newlyUrgent };
}

/** Assigns to a person (who must exist) or, with null, unassigns; each change on the record with who it went to and the note, if any. */
export function assignConversations(db: Db, change: { ids: readonly string[]; assigneeId: string | null; note?: string | undefined }, actor: Actor, now: number): number {
  const { ids, assigneeId } = change;
  if (assigneeId !== null && !db.prepare('SELECT 1 FROM people WHERE id = ?').get(assigneeId)) {
    throw new ApiFailure('not_found', `No person with id ${assigneeId}.`);
  }
  const update = db.prepare('UPDATE conversations SET assignee_id = ?, updated_at = ? WHERE seq = ?');
  const data = change.note ? { assigneeId, note: change.note } : { assigneeId };
  return changeEach(db, ids, actor, 'conversation.assigned', data, (seq) => update.run(assigneeId, now, seq), now);
}

/**
 * Puts a sent reply on the record with who sent it: the outbound message alone cannot say
 * whether I, a teammate or someone on the platform itself answered ("who handled it").
 */
export function recordReply(db: Db, reply: { conversationId: string; messageId: string }, actor: Actor, now: number): void {
  prepareActivityWriter(db)({ at: now, actor, action: 'conversation.replied', subjectType: 'conversation', subjectId: reply.conversationId, data: { messageId: reply.messageId } });
}
