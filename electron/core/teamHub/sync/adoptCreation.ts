import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';
import type { ApplyContext } from './applier';
import { fieldVersion, saveAlias } from './syncState';

/**
 * What adopting a conversation's id rewrites, each through an index: two desktops that ingested
 * the same account before joining adopt one conversation after another, thousands in a row, and
 * a pass over the history or the queue for each one was a pass per conversation.
 * (adoptCreation.test.ts checks their plans.) Queued changes that name the conversation inside
 * their value are found by no index: applyPulled renames them once a batch (`renameInQueuedValues`).
 */
export const ADOPTION_SQL = {
  /** Its history lines: by its row key, and the few written before it had one here (migration 24). */
  historyBySeq: "UPDATE activity SET subject_id = ? WHERE conversation_seq = ? AND subject_type = 'conversation'",
  historyWithoutSeq: "UPDATE activity SET subject_id = ? WHERE conversation_seq IS NULL AND subject_id = ? AND subject_type = 'conversation'",
  queuedChanges: 'UPDATE hub_outgoing SET entity_id = ? WHERE entity = ? AND entity_id = ?',
  /** Its queued tag changes, keyed `conversationId/tag`: the keys from `old/` up to `old0` ('0' follows '/'). */
  queuedTags: "UPDATE hub_outgoing SET entity_id = ? || substr(entity_id, ?) WHERE entity = 'conversationTag' AND entity_id >= ? AND entity_id < ?",
} as const;

/** The paths of a queued value that name a conversation: a note's or an outbox row's conversationId, a history line's subjectId. */
const CONVERSATION_PATHS = ['$.conversationId', '$.subjectId'] as const;

/**
 * Renames the adopted conversations (old id → new id) in the values of the changes still queued:
 * one pass over the queue finds those that name one (the old ids in a set SQLite builds once),
 * then each is rewritten by its key. (Asked as one UPDATE, SQLite walked the adopted ids for
 * every queued row: 4,000 adoptions in one pull took half a minute.)
 */
export function renameInQueuedValues(db: Db, renamed: ReadonlyMap<string, string>): void {
  if (renamed.size === 0) return;
  const oldIds = JSON.stringify([...renamed.keys()]);
  const naming = cachedStatement<[{ path: string; oldIds: string }], { seq: number; oldId: string }>(
    db,
    'SELECT seq, json_extract(value, @path) AS oldId FROM hub_outgoing WHERE json_extract(value, @path) IN (SELECT value FROM json_each(@oldIds))',
  );
  const rename = cachedStatement(db, 'UPDATE hub_outgoing SET value = json_set(value, @path, @id) WHERE seq = @seq');
  for (const path of CONVERSATION_PATHS) {
    for (const { seq, oldId } of naming.all({ path, oldIds })) rename.run({ path, id: renamed.get(oldId) ?? oldId, seq });
  }
}

/**
 * A row two desktops created apart for one thing (both ingested the same thread, both connected
 * the same account): the id first in server order is kept everywhere. Returns true when the
 * thing exists here already (under `id`, or adopted), false when the caller should insert it.
 *
 * `local` is this desktop's row for the same natural key. If the log already named it, it came
 * first: `id` becomes its alias. Otherwise it was made here and is not on the hub yet: it takes
 * `id` (queued changes follow it), and its old id becomes the alias every desktop will record.
 * An account keeps its local id (`keepsLocalId`): its tokens are filed under it in the secret
 * store; `id` becomes its alias here, so changes naming either id reach it.
 */
export function adoptCreation(
  context: ApplyContext,
  target: { entity: string; table: 'accounts' | 'conversations'; id: string; local: { seq: number; id: string } | undefined; keepsLocalId?: boolean },
): boolean {
  const { db } = context;
  const { entity, table, id, local } = target;
  if (cachedStatement<[string], number>(db, `SELECT 1 AS found FROM ${table} WHERE id = ?`).pluck().get(id) !== undefined) return true;
  if (!local) return false;
  if (target.keepsLocalId || fieldVersion(db, entity, local.id, 'created')) {
    saveAlias(db, entity, id, local.id);
    return true;
  }
  cachedStatement(db, `UPDATE ${table} SET id = ? WHERE seq = ?`).run(id, local.seq);
  cachedStatement(db, ADOPTION_SQL.queuedChanges).run(id, entity, local.id);
  // Only conversations get here.
  cachedStatement(db, ADOPTION_SQL.historyBySeq).run(id, local.seq);
  cachedStatement(db, ADOPTION_SQL.historyWithoutSeq).run(id, local.id);
  cachedStatement(db, ADOPTION_SQL.queuedTags).run(id, local.id.length + 1, `${local.id}/`, `${local.id}0`);
  // Queued changes that name it in their value: pushed as they are, other desktops would not know the old id.
  context.renameInQueue(local.id, id);
  saveAlias(db, entity, local.id, id);
  context.touchEverything();
  return true;
}
