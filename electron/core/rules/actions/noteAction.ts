import { newId } from '../../ids';
import { cachedStatement } from '../../store/statementCache';
import type { ActionRunner } from '../ruleActionContext';
import { ruleActor } from '../ruleRecords';
import { apply } from './ruleEffect';

/** An internal note signed by the rule (kind 'rule'), never sent to the platform. */
export const addNoteAction: ActionRunner<'addNote'> = (ctx, action) =>
  apply(ctx, action, {
    activity: 'conversation.note',
    change() {
      cachedStatement(
        ctx.db,
        "INSERT INTO notes (id, conversation_seq, author_id, text, created_at, updated_at, kind, author_name, rule_seq, rule_name) VALUES (?, ?, ?, ?, ?, ?, 'rule', ?, ?, ?)",
      ).run(newId(), ctx.conversation.seq, ruleActor(ctx.rule), action.text, ctx.at, ctx.at, ctx.rule.name, ctx.rule.seq, ctx.rule.name);
    },
  });
