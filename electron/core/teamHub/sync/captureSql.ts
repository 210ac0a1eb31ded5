import type { CaptureSpec } from './captureSpecs';

const QUEUE = 'main.hub_outgoing (id, entity, entity_id, field, value, op, made_at)';

const bind = (sql: string, row: string, old = 'old') => sql.replaceAll('$row', row).replaceAll('$old', old);
const text = (value: string) => `'${value.replaceAll("'", "''")}'`;

const triggerName = (spec: CaptureSpec) => `hub_capture_${spec.name}`;

function eventSql(event: CaptureSpec['event']): string {
  return typeof event === 'string' ? event : `UPDATE OF ${event.updateOf.join(', ')}`;
}

/**
 * A TEMP trigger (this connection only, gone when it closes) that queues the spec's change. The
 * guard hub_capturing() is false while pulled changes are applied, so they are not sent back.
 */
export function triggerSql(spec: CaptureSpec): string {
  const row = spec.event === 'DELETE' ? 'old' : 'new';
  const conditions = ['hub_capturing()', spec.when, spec.changed].filter((condition): condition is string => condition !== undefined).map((condition) => `(${bind(condition, row)})`);
  return `CREATE TEMP TRIGGER IF NOT EXISTS ${triggerName(spec)} AFTER ${eventSql(spec.event)} ON main.${spec.table}
    WHEN ${conditions.join(' AND ')}
    BEGIN
      INSERT INTO ${QUEUE}
      VALUES (hub_change_id(), ${text(spec.entity)}, ${bind(spec.entityId, row)}, ${text(spec.field)}, ${bind(spec.value, row)}, ${text(spec.op)}, hub_now());
    END`;
}

export const dropTriggerSql = (spec: CaptureSpec) => `DROP TRIGGER IF EXISTS temp.${triggerName(spec)}`;

/** The same change for every row the spec covers now, in the spec's order; undefined when snapshots leave it out. */
export function snapshotSql(spec: CaptureSpec): string | undefined {
  if (!spec.snapshot) return undefined;
  const where = [spec.when, spec.snapshot.when].filter((condition): condition is string => condition !== undefined).map((condition) => `(${bind(condition, 'r')})`);
  return `INSERT INTO ${QUEUE}
    SELECT hub_change_id(), ${text(spec.entity)}, ${bind(spec.entityId, 'r')}, ${text(spec.field)}, ${bind(spec.value, 'r')}, ${text(spec.op)}, hub_now()
    FROM main.${spec.table} AS r ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${bind(spec.snapshot.order, 'r')}`;
}
