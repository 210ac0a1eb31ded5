import type { Attachment, MessageUpdate } from '../../../shared/domain/incomingItem';
import type { Clock } from '../clock';
import type { HostilityScorer } from '../hostility/hostilityScorer';
import type { Db } from '../store/database';
import { SNIPPET_LENGTH } from './batchConversations';

type StoredMessage = { seq: number; conversation_seq: number; conversation_id: string; direction: string };

/** How attachments are stored: a JSON array, or NULL for none (most messages: nothing to serialise). */
export const attachmentsColumn = (attachments: readonly Attachment[]): string | null =>
  attachments.length === 0 ? null : JSON.stringify(attachments);

/**
 * Applies one validated update to a stored message of an account and returns the conversation
 * it changed, or null when there was nothing to change: a message never stored (older than the
 * backfill), an edit no newer than the one stored, a deletion or hidden state already recorded.
 * Replaying a page of updates therefore changes nothing and says so.
 */
export type ApplyUpdate = (accountSeq: number, update: MessageUpdate) => string | null;

export function prepareMessageUpdates(db: Db, scoreHostility: HostilityScorer, clock: Clock): ApplyUpdate {
  const find = db.prepare<[number, string], StoredMessage>(
    `SELECT m.seq, m.conversation_seq, c.id AS conversation_id, m.direction
     FROM messages m JOIN conversations c ON c.seq = m.conversation_seq WHERE m.account_seq = ? AND m.external_id = ?`,
  );
  // The search index follows the text through the messages_search_update trigger.
  const edit = db.prepare(
    `UPDATE messages SET text = @text, edited_at = @editedAt, hostility = @hostility,
       attachments = CASE WHEN @hasAttachments THEN @attachments ELSE attachments END
     WHERE seq = @seq AND (edited_at IS NULL OR edited_at < @editedAt)`,
  );
  // Only when the edited message is the conversation's newest (seq grows with the creation time).
  const followEdit = db.prepare(
    `UPDATE conversations SET snippet = @snippet, snippet_hostility = @hostility, updated_at = @now
     WHERE seq = @conversationSeq AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_seq = @conversationSeq AND seq > @seq)`,
  );
  const markDeleted = db.prepare<[number, number]>('UPDATE messages SET is_deleted = 1, deleted_at = ? WHERE seq = ? AND deleted_at IS NULL');
  const markHidden = db.prepare<[number, number, number]>('UPDATE messages SET is_hidden = ? WHERE seq = ? AND is_hidden <> ?');

  const applyEdit = (stored: StoredMessage, update: Extract<MessageUpdate, { change: 'edited' }>): boolean => {
    // The brand's own words are never shielded from the person who wrote them.
    const hostility = stored.direction === 'in' ? scoreHostility(update.text) : 0;
    const attachments = update.attachments === undefined ? null : attachmentsColumn(update.attachments);
    const row = { seq: stored.seq, text: update.text, editedAt: update.editedAt, hostility, hasAttachments: update.attachments === undefined ? 0 : 1, attachments };
    if (edit.run(row).changes === 0) return false;
    followEdit.run({ conversationSeq: stored.conversation_seq, seq: stored.seq, snippet: update.text.slice(0, SNIPPET_LENGTH), hostility, now: clock() });
    return true;
  };

  return (accountSeq, update) => {
    const stored = find.get(accountSeq, update.externalId);
    if (!stored) return null;
    let isChanged: boolean;
    if (update.change === 'edited') isChanged = applyEdit(stored, update);
    else if (update.change === 'deleted') isChanged = markDeleted.run(update.deletedAt, stored.seq).changes > 0;
    else isChanged = markHidden.run(update.isHidden ? 1 : 0, stored.seq, update.isHidden ? 1 : 0).changes > 0;
    return isChanged ? stored.conversation_id : null;
  };
}
