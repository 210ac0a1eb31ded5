import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dataTables, fillEveryTable, hasRow, snapshotRows } from '../../testing/fillEveryTable';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

const latest = MIGRATIONS.length;
/** Columns a migration moved elsewhere, each checked by that migration's own test. */
const MOVED: Readonly<Record<string, readonly string[]>> = { accounts: ['poll_cursor'] };
/** Tables a migration turned into something else, each checked by that migration's own test (20: crisis keywords → the built-in crisis rule). */
const MOVED_TABLES: readonly string[] = ['crisis_keywords'];
const withoutMoved = <Row extends Record<string, unknown>>(table: string, row: Row): Row =>
  Object.fromEntries(Object.entries(row).filter(([column]) => !(MOVED[table] ?? []).includes(column))) as Row;
const earlierVersions = Array.from({ length: latest - 1 }, (_, index) => index + 1);

describe('upgrading every earlier schema', () => {
  it.each(earlierVersions)('a database at version %i, with a row in every table, upgrades to the latest and keeps every row', (version) => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, version));
    fillEveryTable(db);
    const before = snapshotRows(db);
    expect([...before].filter(([, rows]) => rows.length === 0).map(([table]) => table)).toEqual([]);

    expect(migrate(db, MIGRATIONS)).toBe(latest);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const missing = [...before].filter(([table]) => !MOVED_TABLES.includes(table)).flatMap(([table, rows]) => rows.filter((row) => !dataTables(db).includes(table) || !hasRow(db, table, withoutMoved(table, row))).map((row) => ({ table, row })));
    expect(missing).toEqual([]);
    db.close();
  });
});
