import type { RuleAction } from '../../../../shared/rules/ruleSchema';
import { cachedStatement } from '../../store/statementCache';
import type { ActionRunner, RuleActionContext } from '../ruleActionContext';
import { apply, conversationState, skip } from './ruleEffect';
import { pickRoundRobin, takeTurn } from './roundRobin';
import { personById } from './teammates';

function assignTo(ctx: RuleActionContext, action: RuleAction, person: { id: string; name: string }, afterwards?: () => void) {
  return apply(ctx, action, {
    activity: 'conversation.assigned',
    data: { assigneeId: person.id },
    detail: person.name,
    change() {
      cachedStatement(ctx.db, 'UPDATE conversations SET assignee_id = ?, updated_at = ? WHERE seq = ?').run(person.id, ctx.at, ctx.conversation.seq);
      afterwards?.();
    },
  });
}

/**
 * To a teammate, who must still be in the team; or the next one on duty in turn (round robin),
 * for a conversation nobody has yet: one already taken stays with whoever has it.
 */
export const assignAction: ActionRunner<'assign'> = (ctx, action) => {
  const { to } = action;
  const current = conversationState(ctx).assignee_id;
  if (to.mode === 'person') {
    const person = personById(ctx.db, to.personId);
    if (!person) return skip(action, `no teammate with id ${to.personId}`);
    if (current === person.id) return skip(action, `already assigned to ${person.name}`);
    return assignTo(ctx, action, person);
  }
  if (current !== null) return skip(action, 'already assigned');
  const pick = pickRoundRobin(ctx.db, ctx.rule.seq, to, ctx.at);
  if ('skip' in pick) return skip(action, pick.skip);
  return assignTo(ctx, action, pick.person, () => takeTurn(ctx.db, ctx.rule.seq, pick.person.id));
};
