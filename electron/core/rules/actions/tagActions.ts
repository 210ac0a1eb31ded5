import { newId } from '../../ids';
import { cachedStatement } from '../../store/statementCache';
import type { ActionRunner, RuleActionContext } from '../ruleActionContext';
import { apply, skip } from './ruleEffect';

type TagState = { seq: number; tagged: 0 | 1 };

/**
 * The tag's row key and whether the conversation has it, in one statement: both are primary-key
 * look-ups. Two statements cost a call into SQLite each, on every tag action a rule takes, most
 * of them on conversations that already have the tag. (Asked as a join, the same question
 * measured six times slower.) Undefined when no tag has that name yet.
 */
const tagStateOf = (ctx: RuleActionContext, tag: string): TagState | undefined =>
  cachedStatement<[number, string], TagState>(ctx.db, 'SELECT seq, EXISTS (SELECT 1 FROM conversation_tags WHERE conversation_seq = ? AND tag_seq = tags.seq) AS tagged FROM tags WHERE name = ?').get(ctx.conversation.seq, tag);

/** Tags the conversation, creating the tag the first time a rule uses it. */
export const addTagAction: ActionRunner<'addTag'> = (ctx, action) => {
  const state = tagStateOf(ctx, action.tag);
  if (state?.tagged === 1) return skip(action, 'already tagged');
  return apply(ctx, action, {
    activity: 'conversation.tags',
    data: { add: [action.tag], remove: [] },
    change() {
      const seq = state?.seq ?? Number(cachedStatement(ctx.db, 'INSERT INTO tags (id, name, created_at) VALUES (?, ?, ?)').run(newId(), action.tag, ctx.at).lastInsertRowid);
      cachedStatement(ctx.db, 'INSERT INTO conversation_tags (conversation_seq, tag_seq, created_at) VALUES (?, ?, ?)').run(ctx.conversation.seq, seq, ctx.at);
    },
  });
};

export const removeTagAction: ActionRunner<'removeTag'> = (ctx, action) => {
  const state = tagStateOf(ctx, action.tag);
  if (state?.tagged !== 1) return skip(action, 'not tagged');
  return apply(ctx, action, {
    activity: 'conversation.tags',
    data: { add: [], remove: [action.tag] },
    change() {
      cachedStatement(ctx.db, 'DELETE FROM conversation_tags WHERE conversation_seq = ? AND tag_seq = ?').run(ctx.conversation.seq, state.seq);
    },
  });
};
