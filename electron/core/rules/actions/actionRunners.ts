import type { PlannedAction } from '../../../../shared/api/rules';
import type { RuleAction, RuleActionType } from '../../../../shared/rules/ruleSchema';
import type { ActionRunner, RuleActionContext } from '../ruleActionContext';
import { assignAction } from './assignAction';
import { deleteAction, hideAction } from './moderationAction';
import { addNoteAction } from './noteAction';
import { notifyAction } from './notifyAction';
import { setPriorityAction } from './priorityAction';
import { replyAction } from './replyAction';
import { markDoneAction, markSpamAction, snoozeAction } from './statusActions';
import { addTagAction, removeTagAction } from './tagActions';
import { markUrgentAction } from './urgentAction';

/** Every action type's runner: a new action type does not compile until it has one. */
export const ACTION_RUNNERS: { readonly [T in RuleActionType]: ActionRunner<T> } = {
  addTag: addTagAction,
  removeTag: removeTagAction,
  setPriority: setPriorityAction,
  assign: assignAction,
  snooze: snoozeAction,
  markDone: markDoneAction,
  markSpam: markSpamAction,
  markUrgent: markUrgentAction,
  hide: hideAction,
  delete: deleteAction,
  reply: replyAction,
  addNote: addNoteAction,
  notify: notifyAction,
};

/** Runs (or, in a dry run, plans) one action through its runner. */
export function runAction(ctx: RuleActionContext, action: RuleAction): PlannedAction {
  return (ACTION_RUNNERS[action.type] as ActionRunner<RuleActionType>)(ctx, action);
}
