import { cachedStatement } from '../../store/statementCache';
import type { ActionRunner } from '../ruleActionContext';
import { apply, conversationState, skip } from './ruleEffect';

/** Why a rule made a conversation urgent, as escalation and the history say it. */
export const urgentReason = (ruleName: string): string => `rule: ${ruleName}`;

/**
 * Marks the conversation urgent (keeping the first time it became so). Escalation, which
 * notifies people, happens after the transaction commits: the engine returns the conversation
 * in `newlyUrgent` when this applied.
 */
export const markUrgentAction: ActionRunner<'markUrgent'> = (ctx, action) => {
  if (conversationState(ctx).urgent_at !== null) return skip(action, 'already urgent');
  return apply(ctx, action, {
    activity: 'conversation.urgent',
    data: { reason: urgentReason(ctx.rule.name) },
    change: () => cachedStatement(ctx.db, 'UPDATE conversations SET urgent_at = ?, updated_at = ? WHERE seq = ? AND urgent_at IS NULL').run(ctx.at, ctx.at, ctx.conversation.seq),
  });
};
