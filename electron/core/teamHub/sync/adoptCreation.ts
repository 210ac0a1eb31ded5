import { cachedStatement } from '../../store/statementCache';
import type { ApplyContext } from './applier';
import { fieldVersion, saveAlias } from './syncState';

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
  cachedStatement(db, 'UPDATE hub_outgoing SET entity_id = ? WHERE entity = ? AND entity_id = ?').run(id, entity, local.id);
  // Only conversations get here. Queued changes that name it in their value: pushed as they
  // are, other desktops would not know the old id.
  for (const path of ['$.conversationId', '$.subjectId']) {
    cachedStatement(db, 'UPDATE hub_outgoing SET value = json_set(value, ?, ?) WHERE json_extract(value, ?) = ?').run(path, id, path, local.id);
  }
  cachedStatement(db, "UPDATE activity SET subject_id = ? WHERE subject_type = 'conversation' AND subject_id = ?").run(id, local.id);
  cachedStatement(db, "UPDATE hub_outgoing SET entity_id = ? || substr(entity_id, ?) WHERE entity = 'conversationTag' AND substr(entity_id, 1, ?) = ?").run(
    id,
    local.id.length + 1,
    local.id.length + 1,
    `${local.id}/`,
  );
  saveAlias(db, entity, local.id, id);
  context.touchEverything();
  return true;
}
