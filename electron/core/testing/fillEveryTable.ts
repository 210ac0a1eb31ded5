import type { Db } from '../store/database';

type Column = { name: string; type: string; pk: number };
type ForeignKey = { from: string; table: string; to: string };
type Value = string | number | null;

/**
 * The tables a database holds data in, read from its schema: full-text indexes and their shadow
 * tables are left out (triggers keep them), as are SQLite's own.
 */
export function dataTables(db: Db): string[] {
  const virtual = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").all().map((row) => row.name);
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
    .all()
    .map((row) => row.name)
    .filter((name) => !virtual.some((table) => name === table || name.startsWith(`${table}_`)));
}

/**
 * Puts a valid row in every data table, whatever the schema version: parents before children,
 * each foreign key pointing at a parent row, and values read off the table's own CHECK
 * constraints (the first of an `IN (...)` list, JSON where `json_valid` wants it, the low end of a `BETWEEN`, `a > b` and `a >= b` kept
 * true). A row a table already holds (a singleton a migration seeded) is left as it is.
 */
export function fillEveryTable(db: Db): void {
  for (const table of parentsFirst(db, dataTables(db))) {
    const sql = db.prepare<[string], { sql: string }>('SELECT sql FROM sqlite_schema WHERE name = ?').get(table)?.sql ?? '';
    const columns = db.prepare<[string], Column>('SELECT name, type, pk FROM pragma_table_info(?)').all(table);
    const keys = foreignKeys(db, table);
    const values = new Map<string, Value>();
    for (const column of columns) {
      const key = keys.find((fk) => fk.from === column.name);
      values.set(column.name, key ? parentValue(db, key) : valueFor(table, column, sql, values));
    }
    const names = [...values.keys()];
    db.prepare(`INSERT OR IGNORE INTO "${table}" (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...values.values());
  }
}

/** Every row of every data table, as it is now. */
export function snapshotRows(db: Db): Map<string, Record<string, Value>[]> {
  return new Map(dataTables(db).map((table) => [table, db.prepare<[], Record<string, Value>>(`SELECT * FROM "${table}"`).all()]));
}

/** Whether a row with these column values (a subset of the table's columns) is in the table. */
export function hasRow(db: Db, table: string, row: Record<string, Value>): boolean {
  const names = Object.keys(row);
  const found = db.prepare(`SELECT 1 FROM "${table}" WHERE ${names.map((name) => `"${name}" IS ?`).join(' AND ')}`).get(...Object.values(row));
  return found !== undefined;
}

const foreignKeys = (db: Db, table: string): ForeignKey[] => db.prepare<[string], ForeignKey>('SELECT "from", "table", "to" FROM pragma_foreign_key_list(?)').all(table);

function parentsFirst(db: Db, tables: string[]): string[] {
  const ordered: string[] = [];
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    foreignKeys(db, table).filter((key) => key.table !== table).forEach((key) => visit(key.table));
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

function parentValue(db: Db, key: ForeignKey): Value {
  const row = db.prepare<[], { value: Value }>(`SELECT "${key.to}" AS value FROM "${key.table}" LIMIT 1`).get();
  if (!row) throw new Error(`fillEveryTable: ${key.table} has no row for ${key.from} to point at.`);
  return row.value;
}

function valueFor(table: string, column: Column, sql: string, earlier: Map<string, Value>): Value {
  const name = column.name;
  const listed = new RegExp(`\\b${name} IN \\(([^)]*)\\)`, 'u').exec(sql)?.[1]?.split(',')[0]?.trim();
  if (listed !== undefined) return listed.startsWith("'") ? listed.slice(1, -1) : Number(listed);
  if (new RegExp(`json_valid\\(${name}\\)`, 'u').test(sql)) return '[]';
  const shortest = new RegExp(`length\\(${name}\\) BETWEEN (\\d+) AND`, 'u').exec(sql)?.[1];
  if (shortest !== undefined) return 'x'.repeat(Math.max(1, Number(shortest)));
  const lowest = new RegExp(`\\b${name} BETWEEN (\\d+) AND`, 'u').exec(sql)?.[1];
  if (lowest !== undefined) return Number(lowest);
  const after = new RegExp(`\\b${name} (>=?) (\\w+)\\)`, 'u').exec(sql);
  if (after) {
    const before = earlier.get(after[2] ?? '') ?? 0;
    // A text compared with >= (days as 'YYYY-MM-DD'): the same value holds it.
    return typeof before === 'string' && after[1] === '>=' ? before : Number(before) + 1;
  }
  if (/INT|REAL/u.test(column.type)) return 1;
  return `${table}.${name}`;
}
