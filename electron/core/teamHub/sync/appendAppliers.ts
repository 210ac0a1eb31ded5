import { z } from 'zod';
import { ACTIVITY_INSERT, activityValues } from '../../store/activity';
import { SNIPPET_LENGTH } from '../../ingest/batchConversations';
import { deleteNotes } from '../../notes/noteStore';
import { cachedStatement } from '../../store/statementCache';
import { applier, UnappliableChange, type ApplyContext, type Applier } from './applier';
import { activityValue, messageStateValue, messageValue, noteValue } from './changeValues';
import { ensureContact, personSeqOrNull, seqOf } from './localRows';
import { fieldVersion } from './syncState';

const jsonOrNull = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * A message the team has: one per (account, platform id) however many desktops ingested it.
 * A new one counts in its conversation as ingest would count it (not as unread: that is each
 * person's own).
 */
function addMessage(context: ApplyContext, _key: string, value: z.infer<typeof messageValue>): void {
  const { db, now } = context;
  const accountSeq = seqOf(db, 'accounts', context.resolve('account', value.accountId), 'account');
  const conversationId = context.resolve('conversation', value.conversationId);
  const conversationSeq = seqOf(db, 'conversations', conversationId, 'conversation');
  const contactSeq = ensureContact(db, value.contact, now);
  const inserted = cachedStatement(
    db,
    `INSERT INTO messages (conversation_seq, account_seq, external_id, parent_external_id, direction, contact_seq, author_label, text, created_at,
       received_at, permalink, language, hostility, platform_ref, attachments, edited_at, sent_by_kind, sent_by_person_seq, sent_by_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_seq, external_id) DO NOTHING`,
  ).run(
    conversationSeq, accountSeq, value.externalId, value.parentExternalId, value.direction, contactSeq, value.authorLabel, value.text, value.createdAt,
    value.receivedAt, value.permalink, value.language, value.hostility, jsonOrNull(value.platformRef), jsonOrNull(value.attachments), value.editedAt,
    value.sentByKind, personSeqOrNull(db, value.sentByPersonId), value.sentByName,
  );
  if (inserted.changes === 0) return;
  cachedStatement(db, 'INSERT INTO message_search (rowid, text, author_label) VALUES (?, ?, ?)').run(inserted.lastInsertRowid, value.text, value.authorLabel);
  cachedStatement(
    db,
    `UPDATE conversations SET message_count = message_count + 1,
       snippet = CASE WHEN @at >= last_message_at THEN @text ELSE snippet END,
       last_message_at = max(last_message_at, @at),
       last_inbound_at = CASE WHEN @isInbound THEN max(coalesce(last_inbound_at, 0), @at) ELSE last_inbound_at END
     WHERE seq = @seq`,
  ).run({ at: value.createdAt, text: value.text.slice(0, SNIPPET_LENGTH), isInbound: value.direction === 'in' ? 1 : 0, seq: conversationSeq });
  context.touch(conversationId);
}

/** An edit, a hide or a deletion seen by whoever polls the account; search follows the text (messages_search_update). */
function updateMessage(context: ApplyContext, _key: string, value: z.infer<typeof messageStateValue>): void {
  const { db } = context;
  const accountSeq = seqOf(db, 'accounts', context.resolve('account', value.accountId), 'account');
  const updated = cachedStatement<[string, number | null, number, number, number | null, number, string], { conversation_id: string }>(
    db,
    `UPDATE messages SET text = ?, edited_at = ?, is_hidden = ?, is_deleted = ?, deleted_at = ? WHERE account_seq = ? AND external_id = ?
     RETURNING (SELECT id FROM conversations WHERE seq = conversation_seq) AS conversation_id`,
  ).get(value.text, value.editedAt, value.isHidden, value.isDeleted, value.deletedAt, accountSeq, value.externalId);
  if (!updated) throw new UnappliableChange(`No message ${value.externalId} of account ${value.accountId} here.`);
  context.touch(updated.conversation_id);
}

/** A note its author deleted is never written again, whatever comes after (a creation pulled again, a snapshot). */
function addNote(context: ApplyContext, id: string, value: z.infer<typeof noteValue>): void {
  if (fieldVersion(context.db, 'note', id, 'deleted')) return;
  const conversationId = context.resolve('conversation', value.conversationId);
  const conversationSeq = seqOf(context.db, 'conversations', conversationId, 'conversation');
  const inserted = cachedStatement(
    context.db,
    `INSERT INTO notes (id, conversation_seq, author_id, author_name, text, kind, rule_name, mentions, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  ).run(id, conversationSeq, value.authorId, value.authorName, value.text, value.kind, value.ruleName, JSON.stringify(value.mentions), value.createdAt, value.updatedAt);
  if (inserted.changes > 0) context.touch(conversationId);
}

/** Its author deleted it (the notices it queued go with it); gone already here changes nothing. */
function deleteNote(context: ApplyContext, id: string): void {
  const conversationId = cachedStatement<[string], string>(context.db, 'SELECT c.id AS note_conversation_id FROM notes n JOIN conversations c ON c.seq = n.conversation_seq WHERE n.id = ?')
    .pluck()
    .get(id);
  if (conversationId === undefined) return;
  deleteNotes(context.db, [id]);
  context.touch(conversationId);
}

function addActivity(context: ApplyContext, id: string, value: z.infer<typeof activityValue>): void {
  const subjectId = value.subjectType === 'conversation' ? context.resolve('conversation', value.subjectId) : value.subjectId;
  const inserted = cachedStatement(
    context.db,
    `${ACTIVITY_INSERT} ON CONFLICT (id) DO NOTHING`,
  ).run(...activityValues(id, { ...value, subjectId }));
  if (inserted.changes > 0 && value.subjectType === 'conversation') context.touch(subjectId);
}

export const APPEND_APPLIERS: Record<string, Record<string, Applier>> = {
  message: {
    created: applier('once', messageValue, addMessage),
    state: applier('field', messageStateValue, updateMessage, (context, value) => `${context.resolve('account', value.accountId)}/${value.externalId}`),
  },
  note: { created: applier('once', noteValue, addNote), deleted: applier('field', z.literal(true), deleteNote) },
  activity: { created: applier('once', activityValue, addActivity) },
};
