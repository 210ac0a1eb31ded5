import type { ModerationAction } from '../../../shared/domain/moderation';
import type { ModerationPayload } from '../outbox/moderationPayload';
import { prepareActivityWriter } from '../store/activity';
import { setConversationStatus, type Actor } from '../store/conversationMutations';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/** The history line each action leaves on its conversation. */
export const MODERATION_ACTIVITY: Readonly<Record<ModerationAction, string>> = {
  hide: 'message.hidden',
  unhide: 'message.unhidden',
  delete: 'message.deleted',
  block_author: 'contact.blocked',
  mark_spam: 'message.markedSpam',
  mute_author: 'contact.muted',
  unmute_author: 'contact.unmuted',
  unblock_author: 'contact.unblocked',
  report: 'message.reported',
  delete_own: 'message.deleted',
};

/**
 * What a moderation action the platform took changes here: the message's flags, the
 * conversation's status for spam, and a line of history. The caller runs it in the transaction
 * that marks the outbox row done, so that a crash applies it once or not at all.
 */
export function applyModeration(db: Db, change: { conversationId: string; payload: ModerationPayload }, actor: Actor, now: number): void {
  const { conversationId, payload } = change;
  const messageSeq = Number(payload.messageId);
  switch (payload.action) {
    case 'hide':
    case 'unhide':
      cachedStatement(db, 'UPDATE messages SET is_hidden = ? WHERE seq = ?').run(payload.action === 'hide' ? 1 : 0, messageSeq);
      break;
    case 'delete':
      cachedStatement(db, 'UPDATE messages SET is_deleted = 1 WHERE seq = ?').run(messageSeq);
      break;
    case 'mark_spam':
      setConversationStatus(db, { ids: [conversationId], status: 'spam' }, actor, now);
      break;
    case 'block_author':
      cachedStatement(db, 'UPDATE contacts SET blocked_at = ? WHERE seq = (SELECT contact_seq FROM messages WHERE seq = ?)').run(now, messageSeq);
      break;
  }
  prepareActivityWriter(db)({
    at: now,
    actor,
    action: MODERATION_ACTIVITY[payload.action],
    subjectType: 'conversation',
    subjectId: conversationId,
    data: { messageId: payload.messageId, author: payload.authorName, authorExternalId: payload.authorExternalId },
  });
}
