import type { ConversationStatus } from '../../../../shared/domain/entities';
import { lastHumanReplyAt } from '../../awayReplies/awayReplyFacts';
import type { CoreContext } from '../../coreContext';
import type { AttemptOutcome, ClaimedSend } from '../../outbox/outboxStore';
import { cachedStatement } from '../../store/statementCache';
import { recordRuleReplySkip, RULE_REPLY_SKIPS } from './ruleReplyRecord';

/**
 * The outbox's last look at a rule's reply (it waits while its account is offline, rate-limited
 * or held for a sensitive topic): cancelled, with its reason on the record, once the
 * conversation was marked spam or someone answered it by hand since it was queued.
 */
export function vetoRuleReply(ctx: CoreContext, send: ClaimedSend & { rule: NonNullable<ClaimedSend['rule']> }): Extract<AttemptOutcome, { state: 'cancelled' }> | null {
  const status = cachedStatement<[string], { status: ConversationStatus }>(ctx.db, 'SELECT status FROM conversations WHERE id = ?').get(send.conversationId)?.status;
  const answeredAt = lastHumanReplyAt(ctx.db, send.conversationId);
  const reason = status === 'spam' ? 'spam' : answeredAt !== null && answeredAt >= send.createdAt ? 'teammateReplied' : null;
  if (reason === null) return null;
  const detail = RULE_REPLY_SKIPS[reason];
  recordRuleReplySkip(ctx.db, { conversationId: send.conversationId, rule: send.rule, reason, detail, at: ctx.clock() });
  ctx.events.emit('inbox.changed', { conversationIds: [send.conversationId], everything: false });
  return { state: 'cancelled', error: detail };
}
