import type { ActionRunner } from '../ruleActionContext';
import { apply } from './ruleEffect';

/** An internal note signed by the rule (kind 'rule', no person as author), never sent to the platform. */
export const addNoteAction: ActionRunner<'addNote'> = (ctx, action) =>
  apply(ctx, action, {
    activity: 'conversation.note',
    change() {
      ctx.notes.add({ conversationSeq: ctx.conversation.seq, kind: 'rule', text: action.text, authorId: '', authorName: ctx.rule.name, ruleSeq: ctx.rule.seq, ruleName: ctx.rule.name, mentions: [] });
    },
  });
