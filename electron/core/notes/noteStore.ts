import type { Note, NoteKind } from '../../../shared/api/notes';
import { ApiFailure } from '../../../shared/api/result';
import { newId } from '../ids';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

type NoteRow = {
  id: string;
  conversation_id: string;
  kind: NoteKind;
  text: string;
  author_id: string;
  author_name: string;
  rule_name: string | null;
  mentions: string;
  created_at: number;
};

/** What a note is written with: `authorId` empty for a rule's note (`notes.author_id` is NOT NULL). */
export type NoteInput = {
  conversationSeq: number;
  kind: NoteKind;
  text: string;
  authorId: string;
  authorName: string;
  ruleSeq?: number | null;
  ruleName?: string | null;
  mentions: Note['mentions'];
};

const SELECT_NOTES = `SELECT n.id, c.id AS conversation_id, n.kind, n.text, n.author_id, n.author_name, n.rule_name, n.mentions, n.created_at
  FROM notes n JOIN conversations c ON c.seq = n.conversation_seq`;

const toNote = (row: NoteRow, myId: string): Note => ({
  id: row.id,
  conversationId: row.conversation_id,
  kind: row.kind,
  text: row.text,
  authorId: row.author_id === '' ? null : row.author_id,
  authorName: row.author_name,
  isMine: row.author_id === myId,
  ruleName: row.rule_name,
  mentions: JSON.parse(row.mentions) as Note['mentions'],
  createdAt: row.created_at,
});

/** A conversation's seq by id, or not_found naming it. */
export function conversationSeqOf(db: Db, conversationId: string): number {
  const row = cachedStatement<[string], { seq: number }>(db, 'SELECT seq FROM conversations WHERE id = ?').get(conversationId);
  if (!row) throw new ApiFailure('not_found', `No conversation with id ${conversationId}.`);
  return row.seq;
}

/** Writes a note inside the caller's transaction; never queues anything to send. */
export function insertNote(db: Db, note: NoteInput, now: number): string {
  const id = newId();
  cachedStatement(
    db,
    'INSERT INTO notes (id, conversation_seq, author_id, text, created_at, updated_at, kind, author_name, rule_seq, rule_name, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, note.conversationSeq, note.authorId, note.text, now, now, note.kind, note.authorName, note.ruleSeq ?? null, note.ruleName ?? null, JSON.stringify(note.mentions));
  return id;
}

export function getNote(db: Db, id: string, myId: string): Note {
  const row = cachedStatement<[string], NoteRow>(db, `${SELECT_NOTES} WHERE n.id = ?`).get(id);
  if (!row) throw new ApiFailure('not_found', `No note with id ${id}.`);
  return toNote(row, myId);
}

/** Oldest first, as the thread interleaves them with messages. */
export function listNotes(db: Db, conversationSeq: number, myId: string): Note[] {
  return cachedStatement<[number], NoteRow>(db, `${SELECT_NOTES} WHERE n.conversation_seq = ? ORDER BY n.created_at, n.rowid`)
    .all(conversationSeq)
    .map((row) => toNote(row, myId));
}

/** Deletes notes and the notices they queued (a mention, a hand-off), whoever wrote them: the caller decides who may. */
export function deleteNotes(db: Db, ids: readonly string[]): number {
  const json = JSON.stringify(ids);
  cachedStatement(db, "DELETE FROM person_notices WHERE json_extract(data, '$.noteId') IN (SELECT value FROM json_each(?))").run(json);
  return cachedStatement(db, 'DELETE FROM notes WHERE id IN (SELECT value FROM json_each(?))').run(json).changes;
}
