import type { ActionRunner } from '../ruleActionContext';
import { apply, record, skip } from './ruleEffect';

/**
 * Tags the conversation. Live and dry runs take the same decision from the run's tag links
 * (what the conversation had, and what the run has added); the live link is written with the
 * run's others (`RunTagLinks`).
 */
export const addTagAction: ActionRunner<'addTag'> = (ctx, action) => {
  if (ctx.tags.has(ctx.conversation.seq, action.tag)) return skip(action, 'already tagged');
  if (!ctx.isDryRun) ctx.tags.add(ctx.conversation.seq, action.tag);
  return record(ctx, action, { activity: 'conversation.tags', data: { add: [action.tag], remove: [] } });
};

export const removeTagAction: ActionRunner<'removeTag'> = (ctx, action) => {
  if (!ctx.tags.has(ctx.conversation.seq, action.tag)) return skip(action, 'not tagged');
  return apply(ctx, action, {
    activity: 'conversation.tags',
    data: { add: [], remove: [action.tag] },
    change() {
      ctx.tags.remove(ctx.conversation.seq, action.tag);
    },
  });
};
