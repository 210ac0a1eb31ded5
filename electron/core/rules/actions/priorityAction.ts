import { PRIORITY_VALUES } from '../../../../shared/rules/ruleSchema';
import { cachedStatement } from '../../store/statementCache';
import type { ActionRunner } from '../ruleActionContext';
import { conversationState, record, skip } from './ruleEffect';

/** Live, the update changes the priority only when it differs and says whether it did: one statement, as for tags. The dry run asks first. */
export const setPriorityAction: ActionRunner<'setPriority'> = (ctx, action) => {
  const priority = PRIORITY_VALUES[action.priority];
  const isAlready = ctx.isDryRun
    ? conversationState(ctx).priority === priority
    : cachedStatement(ctx.db, 'UPDATE conversations SET priority = ?, updated_at = ? WHERE seq = ? AND priority IS NOT ?').run(priority, ctx.at, ctx.conversation.seq, priority).changes === 0;
  return isAlready ? skip(action, `already ${action.priority}`) : record(ctx, action, { activity: 'conversation.priority', data: { priority: action.priority } });
};
