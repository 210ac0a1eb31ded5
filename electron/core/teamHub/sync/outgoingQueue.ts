import type { Change } from '../../hub/hubInputs';
import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';

type OutgoingRow = { seq: number; id: string; entity: string; entity_id: string; field: string; value: string; op: Change['op']; made_at: number };

/** The oldest queued changes, in the order they were made. */
export function nextOutgoing(db: Db, limit: number): Change[] {
  return cachedStatement<[number], OutgoingRow>(db, 'SELECT seq, id, entity, entity_id, field, value, op, made_at FROM hub_outgoing ORDER BY seq LIMIT ?')
    .all(limit)
    .map((row) => ({ id: row.id, entity: row.entity, entityId: row.entity_id, field: row.field, value: JSON.parse(row.value) as Change['value'], op: row.op, madeAt: row.made_at }));
}

/** Forgets changes the hub has logged (called only once it said so). */
export function forgetPushed(db: Db, ids: readonly string[]): void {
  cachedStatement<[string]>(db, 'DELETE FROM hub_outgoing WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
}

export const pendingCount = (db: Db): number => cachedStatement<[], number>(db, 'SELECT count(*) AS pending FROM hub_outgoing').pluck().get() ?? 0;
