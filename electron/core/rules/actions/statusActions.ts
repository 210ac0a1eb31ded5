import type { ConversationStatus } from '../../../../shared/domain/entities';
import type { RuleAction } from '../../../../shared/rules/ruleSchema';
import { cachedStatement } from '../../store/statementCache';
import type { ActionRunner, RuleActionContext } from '../ruleActionContext';
import { apply, conversationState, skip } from './ruleEffect';

/** The same change a person's triage makes (conversations.setStatus), as the rule's. */
function setStatus(ctx: RuleActionContext, action: RuleAction, status: ConversationStatus, snoozeUntil: number | null) {
  return apply(ctx, action, {
    activity: 'conversation.status',
    data: { status, snoozeUntil },
    change: () => cachedStatement(ctx.db, 'UPDATE conversations SET status = ?, snooze_until = ?, updated_at = ? WHERE seq = ?').run(status, snoozeUntil, ctx.at, ctx.conversation.seq),
  });
}

/** Snoozed from when the rule looks; a conversation already snoozed wakes at the new time. */
export const snoozeAction: ActionRunner<'snooze'> = (ctx, action) => setStatus(ctx, action, 'snoozed', ctx.at + action.minutes * 60_000);

export const markDoneAction: ActionRunner<'markDone'> = (ctx, action) =>
  conversationState(ctx).status === 'done' ? skip(action, 'already done') : setStatus(ctx, action, 'done', null);

export const markSpamAction: ActionRunner<'markSpam'> = (ctx, action) =>
  conversationState(ctx).status === 'spam' ? skip(action, 'already spam') : setStatus(ctx, action, 'spam', null);
