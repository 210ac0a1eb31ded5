import Database from 'better-sqlite3';
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ExportResult } from '../../../shared/api/data';
import { PRIVATE_FILE_MODE } from '../store/privateFiles';

/**
 * Tables that are not the person's work: the search index (rebuilt from messages) and its
 * shadow tables, and counters derived from conversations.
 */
const DERIVED_TABLE = /^(message_search(_.*)?|conversation_counts|sqlite_.*)$/;
/** Never exported, whatever table a later version puts them in. */
const SECRET_COLUMN = /token|secret|password/i;
/** Rows between progress events and turns of the event loop. */
const ROWS_PER_TURN = 2_000;

/**
 * Streams every table holding the person's work to a JSON Lines file: one object per row with
 * a `table` field. It reads through its own read-only connection in one read transaction:
 * one consistent state however long it takes, while the core keeps writing through its own.
 */
export async function exportData(databasePath: string, destination: string, onProgress?: (doneRows: number, totalRows: number) => void): Promise<ExportResult> {
  const partial = `${destination}.partial`;
  const reader = new Database(databasePath, { readonly: true, fileMustExist: true });
  const out = createWriteStream(partial, { mode: PRIVATE_FILE_MODE });
  try {
    reader.exec('BEGIN');
    const tables = reader
      .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all()
      .filter((name) => !DERIVED_TABLE.test(name));
    const total = tables.reduce((sum, table) => sum + (reader.prepare<[], number>(`SELECT count(*) FROM "${table}"`).pluck().get() ?? 0), 0);
    let done = 0;
    for (const table of tables) {
      for (const row of reader.prepare<[], Record<string, unknown>>(`SELECT * FROM "${table}"`).iterate()) {
        await write(out, `${JSON.stringify({ table, ...withoutSecrets(row) })}\n`);
        done += 1;
        if (done % ROWS_PER_TURN === 0) {
          onProgress?.(done, total);
          await nextTurn();
        }
      }
    }
    onProgress?.(done, total);
    reader.exec('COMMIT');
    out.end();
    await once(out, 'finish');
    renameSync(partial, destination);
    return { path: destination, tables: tables.length, rows: done };
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  } finally {
    reader.close();
  }
}

function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !SECRET_COLUMN.test(column)));
}

/** Waits when the file's buffer is full, so a large inbox never sits whole in memory. */
async function write(out: WriteStream, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain');
}
