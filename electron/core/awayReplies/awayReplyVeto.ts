import type { ConversationStatus } from '../../../shared/domain/entities';
import { businessHoursOf } from '../accounts/businessHours';
import type { CoreContext } from '../coreContext';
import type { AttemptOutcome, ClaimedSend } from '../outbox/outboxStore';
import { cachedStatement } from '../store/statementCache';
import { lastHumanReplyAt, parseAwayPayload, recordSkip } from './awayReplyFacts';
import { vetoAtSendTime } from './decideAwayReply';

/** What the outbox keeps as the reason (English, like its other errors); the history says it in the person's language. */
const WHY_NOT_SENT = {
  spam: 'Not sent: the conversation was marked as spam.',
  teammateReplied: 'Not sent: someone answered this conversation by hand.',
  openAgain: 'Not sent: the account is open again, so a person will answer.',
} as const;

/** The outbox's last look at an away reply: cancelled, with its reason on the record, when no longer wanted. */
export function vetoAwayReply(ctx: CoreContext, send: ClaimedSend): Extract<AttemptOutcome, { state: 'cancelled' }> | null {
  const { periodStart } = parseAwayPayload(send.payload);
  const now = ctx.clock();
  const status = cachedStatement<[string], { status: ConversationStatus }>(ctx.db, 'SELECT status FROM conversations WHERE id = ?').get(send.conversationId)?.status ?? 'open';
  const reason = vetoAtSendTime({
    status,
    hours: businessHoursOf(ctx.db, send.accountId),
    now,
    periodStart,
    lastHumanReplyAt: lastHumanReplyAt(ctx.db, send.conversationId),
  });
  if (reason === null) return null;
  recordSkip(ctx.db, { conversationId: send.conversationId, periodStart, reason, at: now });
  ctx.events.emit('inbox.changed', { conversationIds: [send.conversationId], everything: false });
  return { state: 'cancelled', error: WHY_NOT_SENT[reason] };
}
