import type { ModerationAction } from '../../../shared/domain/moderation';
import type { ModerationDone } from '../connectors/connector';
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
  delete_own: 'message.deletedOwn',
  mute_author: 'contact.muted',
  unmute_author: 'contact.unmuted',
  block_author: 'contact.blocked',
  unblock_author: 'contact.unblocked',
  report: 'message.reported',
  mark_spam: 'message.markedSpam',
};

const CONTACT_OF_MESSAGE = '(SELECT contact_seq FROM messages WHERE seq = ?)';

/**
 * What a moderation action the platform took changes here: the message's flags, its author's
 * block (with what undoing it needs, `done.undoRef`) or mute, the conversation's status for
 * spam, and a line of history. The caller runs it in the transaction that marks the outbox row
 * done, so that a crash applies it once or not at all.
 */
export function applyModeration(db: Db, change: { conversationId: string; payload: ModerationPayload; done: ModerationDone }, actor: Actor, now: number): void {
  const { conversationId, payload, done } = change;
  const messageSeq = Number(payload.messageId);
  switch (payload.action) {
    case 'hide':
    case 'unhide':
      cachedStatement(db, 'UPDATE messages SET is_hidden = ? WHERE seq = ?').run(payload.action === 'hide' ? 1 : 0, messageSeq);
      break;
    case 'delete':
    case 'delete_own':
      cachedStatement(db, 'UPDATE messages SET is_deleted = 1 WHERE seq = ?').run(messageSeq);
      break;
    case 'mark_spam':
      setConversationStatus(db, { ids: [conversationId], status: 'spam' }, actor, now);
      break;
    case 'block_author':
    case 'unblock_author': {
      const isBlocked = payload.action === 'block_author';
      cachedStatement(db, `UPDATE contacts SET blocked_at = ?, block_ref = ? WHERE seq = ${CONTACT_OF_MESSAGE}`).run(isBlocked ? now : null, isBlocked ? done.undoRef : null, messageSeq);
      break;
    }
    case 'mute_author':
    case 'unmute_author':
      cachedStatement(db, `UPDATE contacts SET muted_at = ? WHERE seq = ${CONTACT_OF_MESSAGE}`).run(payload.action === 'mute_author' ? now : null, messageSeq);
      break;
    // A report changes nothing here: the platform's moderators decide; the history says it was sent.
    case 'report':
      break;
  }
  prepareActivityWriter(db)({
    at: now,
    actor,
    action: MODERATION_ACTIVITY[payload.action],
    subjectType: 'conversation',
    subjectId: conversationId,
    data: {
      messageId: payload.messageId,
      author: payload.authorName,
      authorExternalId: payload.authorExternalId,
      ...(payload.reason === null ? {} : { reason: payload.reason }),
      ...(payload.rule === null ? {} : { rule: payload.rule.name }),
    },
  });
}
