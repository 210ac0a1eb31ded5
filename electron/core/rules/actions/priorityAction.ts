import { PRIORITY_VALUES } from '../../../../shared/rules/ruleSchema';
import { cachedStatement } from '../../store/statementCache';
import type { ActionRunner } from '../ruleActionContext';
import { apply, conversationState, skip } from './ruleEffect';

export const setPriorityAction: ActionRunner<'setPriority'> = (ctx, action) => {
  const priority = PRIORITY_VALUES[action.priority];
  if (conversationState(ctx).priority === priority) return skip(action, `already ${action.priority}`);
  return apply(ctx, action, {
    activity: 'conversation.priority',
    data: { priority: action.priority },
    change: () => cachedStatement(ctx.db, 'UPDATE conversations SET priority = ?, updated_at = ? WHERE seq = ?').run(priority, ctx.at, ctx.conversation.seq),
  });
};
