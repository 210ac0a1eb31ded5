import type { PlannedAction } from '../../../../shared/api/rules';
import type { RuleAction } from '../../../../shared/rules/ruleSchema';
import { cachedStatement } from '../../store/statementCache';
import type { RuleActionContext } from '../ruleActionContext';
import { ruleActor } from '../ruleRecords';

/** The conversation as it is now: an earlier action of the same rule may just have changed it. */
export type ConversationState = { status: string; assignee_id: string | null; urgent_at: number | null };

export function conversationState(ctx: RuleActionContext): ConversationState {
  const row = cachedStatement<[number], ConversationState>(ctx.db, 'SELECT status, assignee_id, urgent_at FROM conversations WHERE seq = ?').get(ctx.conversation.seq);
  if (!row) throw new Error(`The conversation ${ctx.conversation.id} is gone.`);
  return row;
}

export const skip = (action: RuleAction, detail: string): PlannedAction => ({ action, outcome: 'skip', detail });

type Effect = { activity: string; data?: Record<string, unknown>; detail?: string };

/**
 * The one way an action takes effect: in a dry run only the decision is returned; live, the
 * change is made and put in the conversation's history as the rule's, with the rule's name as
 * it is today (`data.rule`) so the line still reads right after the rule is renamed or deleted.
 */
export function apply(ctx: RuleActionContext, action: RuleAction, effect: Effect & { change(): void }): PlannedAction {
  if (!ctx.isDryRun) effect.change();
  return record(ctx, action, effect);
}

/** `apply` for an action whose live change is already made (the statement that made it also decided it): its history line, live. */
export function record(ctx: RuleActionContext, action: RuleAction, effect: Effect): PlannedAction {
  if (!ctx.isDryRun) {
    ctx.history({
      at: ctx.at,
      actor: ruleActor(ctx.rule),
      action: effect.activity,
      subjectId: ctx.conversation.id,
      conversationSeq: ctx.conversation.seq,
      data: { rule: ctx.rule.name, ...effect.data },
    });
  }
  return effect.detail === undefined ? { action, outcome: 'apply' } : { action, outcome: 'apply', detail: effect.detail };
}
