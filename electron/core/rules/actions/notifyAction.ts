import { deliverAfterFor } from '../../notices/noticeTiming';
import { queuePersonNotice } from '../../notices/personNotices';
import type { ActionRunner } from '../ruleActionContext';
import { apply, conversationState, skip } from './ruleEffect';
import { dutyAt, meIfAny, personById } from './teammates';

/**
 * Tells a person (by default whoever has the conversation, else me) that the rule matched.
 * Held until their next shift when they are off duty: a rule never wakes someone at night.
 */
export const notifyAction: ActionRunner<'notify'> = (ctx, action) => {
  const personId = action.personId ?? conversationState(ctx).assignee_id;
  const person = personId === null ? meIfAny(ctx.db) : personById(ctx.db, personId);
  if (!person) return skip(action, personId === null ? 'nobody to notify' : `no teammate with id ${personId}`);
  const deliverAfter = deliverAfterFor({ duty: dutyAt(ctx.db, person, ctx.at) }, ctx.at);
  return apply(ctx, action, {
    activity: 'conversation.notified',
    data: { personId: person.id, deliverAfter },
    detail: person.name,
    change: () =>
      queuePersonNotice(
        ctx.db,
        { personSeq: person.seq, kind: 'rule', conversationSeq: ctx.conversation.seq, text: ctx.rule.name, data: { ruleId: ctx.rule.id, conversationId: ctx.conversation.id, from: ctx.rule.name }, deliverAfter },
        ctx.at,
      ),
  });
};
