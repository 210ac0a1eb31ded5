import { newId } from '../../ids';
import { cachedStatement } from '../../store/statementCache';
import type { ActionRunner, RuleActionContext } from '../ruleActionContext';
import { apply, record, skip } from './ruleEffect';

type TagState = { seq: number; tagged: 0 | 1 };

/**
 * The tag's row key and whether the conversation has it, in one statement: both are primary-key
 * look-ups. (Asked as a join, the same question measured six times slower.) Undefined when no
 * tag has that name yet.
 */
const tagStateOf = (ctx: RuleActionContext, tag: string): TagState | undefined =>
  cachedStatement<[number, string], TagState>(ctx.db, 'SELECT seq, EXISTS (SELECT 1 FROM conversation_tags WHERE conversation_seq = ? AND tag_seq = tags.seq) AS tagged FROM tags WHERE name = ?').get(ctx.conversation.seq, tag);

/** The tag's row key, looked up once per run, the tag created the first time a rule uses it. */
function tagSeqOf(ctx: RuleActionContext, tag: string): number {
  let seq = ctx.tagSeqs.get(tag);
  if (seq === undefined) {
    seq =
      cachedStatement<[string], number>(ctx.db, 'SELECT seq FROM tags WHERE name = ?').pluck().get(tag) ??
      Number(cachedStatement(ctx.db, 'INSERT INTO tags (id, name, created_at) VALUES (?, ?, ?)').run(newId(), tag, ctx.at).lastInsertRowid);
    ctx.tagSeqs.set(tag, seq);
  }
  return seq;
}

/**
 * Tags the conversation. Live, the insert itself says whether the conversation had the tag:
 * one statement, where asking first cost a second one on each of the thousands of tags rules
 * add in a history import. The dry run asks, and takes the same decision (the engine's
 * property test holds each live action to its dry run).
 */
export const addTagAction: ActionRunner<'addTag'> = (ctx, action) => {
  const effect = { activity: 'conversation.tags', data: { add: [action.tag], remove: [] } };
  if (ctx.isDryRun) return tagStateOf(ctx, action.tag)?.tagged === 1 ? skip(action, 'already tagged') : record(ctx, action, effect);
  const linked = cachedStatement(ctx.db, 'INSERT INTO conversation_tags (conversation_seq, tag_seq, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(ctx.conversation.seq, tagSeqOf(ctx, action.tag), ctx.at);
  return linked.changes === 0 ? skip(action, 'already tagged') : record(ctx, action, effect);
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
