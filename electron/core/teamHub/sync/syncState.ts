import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';

/** What the log last said of one field: the change that set it. */
export type FieldVersion = { seq: number; desktopId: string; authorRole: string; madeAt: number; value: unknown };
type FieldVersionRow = { seq: number; desktop_id: string; author_role: string; made_at: number; value: string };

export const readCursor = (db: Db): { cursor: number; lastSyncAt: number | null } => {
  const row = cachedStatement<[], { cursor: number; last_sync_at: number | null }>(db, 'SELECT cursor, last_sync_at FROM hub_sync_state WHERE id = 1').get();
  return { cursor: row?.cursor ?? 0, lastSyncAt: row?.last_sync_at ?? null };
};

export function saveCursor(db: Db, cursor: number, at: number): void {
  cachedStatement<[number, number]>(db, 'UPDATE hub_sync_state SET cursor = max(cursor, ?), last_sync_at = ? WHERE id = 1').run(cursor, at);
}

export function markSynced(db: Db, at: number): void {
  cachedStatement<[number]>(db, 'UPDATE hub_sync_state SET last_sync_at = ? WHERE id = 1').run(at);
}

export function fieldVersion(db: Db, entity: string, entityId: string, field: string): FieldVersion | undefined {
  const row = cachedStatement<[string, string, string], FieldVersionRow>(
    db,
    'SELECT seq, desktop_id, author_role, made_at, value FROM hub_field_versions WHERE entity = ? AND entity_id = ? AND field = ?',
  ).get(entity, entityId, field);
  return row && { seq: row.seq, desktopId: row.desktop_id, authorRole: row.author_role, madeAt: row.made_at, value: JSON.parse(row.value) as unknown };
}

export function saveFieldVersion(db: Db, key: { entity: string; entityId: string; field: string }, version: FieldVersion): void {
  cachedStatement(
    db,
    `INSERT INTO hub_field_versions (entity, entity_id, field, seq, desktop_id, author_role, made_at, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET seq = excluded.seq, desktop_id = excluded.desktop_id, author_role = excluded.author_role, made_at = excluded.made_at, value = excluded.value`,
  ).run(key.entity, key.entityId, key.field, version.seq, version.desktopId, version.authorRole, version.madeAt, JSON.stringify(version.value));
}

/** Whether a change to this field made here is still waiting for the hub (it will win). */
export function hasPendingChange(db: Db, entity: string, entityId: string, field: string): boolean {
  return cachedStatement<[string, string, string], number>(db, 'SELECT 1 AS is_pending FROM hub_outgoing WHERE entity = ? AND entity_id = ? AND field = ? LIMIT 1')
    .pluck()
    .get(entity, entityId, field) !== undefined;
}

/** The id every desktop uses for this entity (itself unless another id was first in server order). */
export function canonicalId(db: Db, entity: string, id: string): string {
  return cachedStatement<[string, string], string>(db, 'SELECT canonical_id AS canonical FROM hub_aliases WHERE entity = ? AND alias_id = ?').pluck().get(entity, id) ?? id;
}

export function saveAlias(db: Db, entity: string, aliasId: string, canonical: string): void {
  cachedStatement(db, 'INSERT INTO hub_aliases (entity, alias_id, canonical_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(entity, aliasId, canonical);
}

/**
 * Leaving a workspace: what was queued for it (sign-ins changed included), its cursor and its field versions belong to it,
 * and must not reach the next workspace this desktop joins. Ids adopted from it stay (hub_aliases):
 * the local rows carry them.
 */
export function forgetWorkspaceSync(db: Db): void {
  db.exec('DELETE FROM hub_outgoing; DELETE FROM hub_sign_ins; DELETE FROM hub_field_versions; UPDATE hub_sync_state SET cursor = 0, last_sync_at = NULL;');
}
