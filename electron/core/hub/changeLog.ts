import type pg from 'pg';
import { pullSchema, pushSchema, type Change } from './hubInputs';

/** A change as the hub keeps it: the desktop's change, with the server's order and word. */
export type LoggedChange = Change & {
  /** The server order, increasing in commit order within a workspace. */
  seq: number;
  desktopId: string;
  /** The PostgreSQL role that pushed it, set by the hub, not the desktop. */
  authorRole: string;
  receivedAt: number;
};

type ChangeRow = {
  id: string;
  seq: string;
  desktop_id: string;
  author_role: string;
  entity: string;
  entity_id: string;
  field: string;
  value: Change['value'];
  op: Change['op'];
  made_at: Date;
  received_at: Date;
};

const toLoggedChange = (row: ChangeRow): LoggedChange => ({
  id: row.id,
  seq: Number(row.seq),
  desktopId: row.desktop_id,
  authorRole: row.author_role,
  entity: row.entity,
  entityId: row.entity_id,
  field: row.field,
  value: row.value,
  op: row.op,
  madeAt: row.made_at.getTime(),
  receivedAt: row.received_at.getTime(),
});

/** Where the hub logged a pushed change. */
export type LoggedSeq = { id: string; seq: number };

/**
 * Appends changes in one statement (all or none). A change already there (same id: a push
 * retried after a lost answer) is skipped. Returns where each new one was logged.
 */
export async function pushChanges(db: pg.Pool, scope: { workspaceId: string; desktopId: string }, changes: readonly Change[]): Promise<LoggedSeq[]> {
  const batch = pushSchema.parse(changes);
  if (batch.length === 0) return [];
  // jsonb_to_recordset reads a JSON null as SQL NULL: it goes back to JSON null.
  const { rows } = await db.query<{ id: string; seq: string }>(
    `INSERT INTO pieuvre.changes (id, workspace_id, desktop_id, entity, entity_id, field, value, op, made_at)
     SELECT c.id, $1, $2, c.entity, c."entityId", c.field, coalesce(c.value, 'null'), c.op, to_timestamp(c."madeAt" / 1000.0)
       FROM jsonb_to_recordset($3::jsonb) AS c(id uuid, entity text, "entityId" text, field text, value jsonb, op text, "madeAt" bigint)
     ON CONFLICT (id) DO NOTHING
     RETURNING id, seq`,
    [scope.workspaceId, scope.desktopId, JSON.stringify(batch)],
  );
  return rows.map((row) => ({ id: row.id, seq: Number(row.seq) }));
}

/** The workspace's changes after `afterSeq`, in server order. */
export async function pullChanges(db: pg.Pool, workspaceId: string, afterSeq: number, limit: number): Promise<LoggedChange[]> {
  const query = pullSchema.parse({ afterSeq, limit });
  const { rows } = await db.query<ChangeRow>(
    `SELECT id, seq, desktop_id, author_role, entity, entity_id, field, value, op, made_at, received_at
       FROM pieuvre.changes WHERE workspace_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [workspaceId, query.afterSeq, query.limit],
  );
  return rows.map(toLoggedChange);
}

/** The last seq of the workspace, 0 when it has none. */
export async function lastSeq(db: pg.ClientBase | pg.Pool, workspaceId: string): Promise<number> {
  const { rows } = await db.query<{ seq: string }>('SELECT coalesce(max(seq), 0) AS seq FROM pieuvre.changes WHERE workspace_id = $1', [workspaceId]);
  return Number(rows[0]?.seq ?? 0);
}
