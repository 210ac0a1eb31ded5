import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchBatches } from './benchItems';

/**
 * The baseline: the same rows into one plain table, one transaction, one prepared
 * statement, same pragmas. No validation, no indexes, no search: the floor of SQLite itself.
 */
const total = Number(process.argv[2]);
const dir = mkdtempSync(join(tmpdir(), 'pieuvre-bench-raw-'));
const db = new Database(join(dir, 'raw.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`CREATE TABLE raw_messages (platform TEXT, kind TEXT, direction TEXT, external_id TEXT, thread_external_id TEXT,
  parent_external_id TEXT, author_external_id TEXT, author_handle TEXT, author_name TEXT, text TEXT, created_at INTEGER,
  permalink TEXT, language TEXT)`);
const insert = db.prepare('INSERT INTO raw_messages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
let elapsed = 0;
let rows = 0;
db.exec('BEGIN');
for (const { items } of benchBatches(total)) {
  const started = performance.now();
  for (const item of items) {
    insert.run(item.platform, item.kind, item.direction ?? 'in', item.externalId, item.threadExternalId, item.parentExternalId ?? null,
      item.author.externalId, item.author.handle, item.author.name, item.text, item.createdAt, item.permalink ?? null, item.language ?? null);
  }
  elapsed += performance.now() - started;
  rows += items.length;
}
const started = performance.now();
db.exec('COMMIT');
elapsed += performance.now() - started;
db.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ rows, ms: elapsed }));
