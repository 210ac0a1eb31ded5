import { PRIORITY_VALUES } from '../../../../shared/rules/ruleSchema';
import type { ActionRunner } from '../ruleActionContext';
import { record, skip } from './ruleEffect';

/** Live and dry runs decide from the run's priorities; the live change is written with the run's others (`RunPriorities`). */
export const setPriorityAction: ActionRunner<'setPriority'> = (ctx, action) => {
  const priority = PRIORITY_VALUES[action.priority];
  if (ctx.priorities.of(ctx.conversation.seq, ctx.message?.priority) === priority) return skip(action, `already ${action.priority}`);
  if (!ctx.isDryRun) ctx.priorities.set(ctx.conversation.seq, priority);
  return record(ctx, action, { activity: 'conversation.priority', data: { priority: action.priority } });
};
