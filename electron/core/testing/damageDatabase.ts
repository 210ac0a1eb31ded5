import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Damages a closed database file the way a failing disk does: one table's root page (the `tags`
 * table, given a row long enough to need it) is scribbled over, so the schema still reads and
 * the database opens, but SQLite's integrity check fails.
 */
export function damageTagsTable(path: string): void {
  const db = new Database(path);
  db.prepare('INSERT INTO tags (id, name, created_at) VALUES (?, ?, ?)').run('long', 'x'.repeat(3000), 0);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const { rootpage } = db.prepare<[], { rootpage: number }>("SELECT rootpage FROM sqlite_schema WHERE name = 'tags'").get() ?? { rootpage: 0 };
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const bytes = readFileSync(path);
  bytes.fill(0xa5, (rootpage - 1) * pageSize, rootpage * pageSize);
  writeFileSync(path, bytes);
}
