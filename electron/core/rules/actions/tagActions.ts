import { newId } from '../../ids';
import { cachedStatement } from '../../store/statementCache';
import type { ActionRunner, RuleActionContext } from '../ruleActionContext';
import { apply, skip } from './ruleEffect';

/**
 * The tag's row key, then the conversation's tag by its primary key: two look-ups of about a
 * microsecond each. Asked as one join, the same question measured six times slower, and a rule
 * asks it for every tag it would add.
 */
const tagSeqOf = (ctx: RuleActionContext, tag: string): number | undefined => cachedStatement<[string], number>(ctx.db, 'SELECT seq FROM tags WHERE name = ?').pluck().get(tag);

const isTagged = (ctx: RuleActionContext, tagSeq: number | undefined): tagSeq is number =>
  tagSeq !== undefined && cachedStatement<[number, number], { found: number }>(ctx.db, 'SELECT 1 AS found FROM conversation_tags WHERE conversation_seq = ? AND tag_seq = ?').get(ctx.conversation.seq, tagSeq) !== undefined;

/** Tags the conversation, creating the tag the first time a rule uses it. */
export const addTagAction: ActionRunner<'addTag'> = (ctx, action) => {
  const tagSeq = tagSeqOf(ctx, action.tag);
  if (isTagged(ctx, tagSeq)) return skip(action, 'already tagged');
  return apply(ctx, action, {
    activity: 'conversation.tags',
    data: { add: [action.tag], remove: [] },
    change() {
      const seq = tagSeq ?? Number(cachedStatement(ctx.db, 'INSERT INTO tags (id, name, created_at) VALUES (?, ?, ?)').run(newId(), action.tag, ctx.at).lastInsertRowid);
      cachedStatement(ctx.db, 'INSERT INTO conversation_tags (conversation_seq, tag_seq, created_at) VALUES (?, ?, ?)').run(ctx.conversation.seq, seq, ctx.at);
    },
  });
};

export const removeTagAction: ActionRunner<'removeTag'> = (ctx, action) => {
  const tagSeq = tagSeqOf(ctx, action.tag);
  if (!isTagged(ctx, tagSeq)) return skip(action, 'not tagged');
  return apply(ctx, action, {
    activity: 'conversation.tags',
    data: { add: [], remove: [action.tag] },
    change() {
      cachedStatement(ctx.db, 'DELETE FROM conversation_tags WHERE conversation_seq = ? AND tag_seq = ?').run(ctx.conversation.seq, tagSeq);
    },
  });
};
