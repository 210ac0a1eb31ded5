import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

/** The tables a plan reads whole (json_each, a parameter's list, aside). */
function scansOf(db: Database.Database, sql: string): string[] {
  const parameters = Array.from({ length: (sql.match(/\?/gu) ?? []).length }, () => 'x');
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...parameters)
    .map((row) => row.detail)
    .filter((detail) => detail.startsWith('SCAN') && !detail.startsWith('SCAN json_each'));
}

// What removals and deletions do to the rows that name what goes (foreign keys' cascades and
// SET NULL included in the plans): before migration 27, each read one or more whole tables.
const REMOVALS = [
  'DELETE FROM conversations WHERE seq = ?',
  'DELETE FROM people WHERE seq = ?',
  'DELETE FROM rules WHERE seq = ?',
  "DELETE FROM person_notices WHERE json_extract(data, '$.noteId') IN (SELECT value FROM json_each(?))",
  'DELETE FROM rule_timers WHERE conversation_seq IN (SELECT value FROM json_each(?))',
];

describe('migration 27 (indexes for removals)', () => {
  it('finds what a removal takes with it through indexes, where it read whole tables', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 26));
    expect(REMOVALS.map((sql) => scansOf(db, sql)).flat()).toEqual([
      'SCAN person_notices',
      'SCAN rule_timers USING COVERING INDEX rule_timers_due',
      'SCAN person_notices',
      'SCAN outbox',
      'SCAN messages',
      'SCAN outbox',
      'SCAN notes',
      'SCAN person_notices',
      'SCAN rule_timers USING COVERING INDEX rule_timers_due',
    ]);
    expect(migrate(db, MIGRATIONS.slice(0, 27))).toBe(27);
    for (const sql of REMOVALS) expect(scansOf(db, sql), sql).toEqual([]);
  });
});
