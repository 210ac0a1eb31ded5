import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { Db } from './database';
import { DatabaseOpenError } from './databaseOpenError';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

/** SQLite's `application_id` header field for Pieuvre's files: "Pieu" in ASCII. */
export const PIEUVRE_APPLICATION_ID = 0x50696575;

/**
 * What an existing file is to Pieuvre. `isStamped` is false for a database from before Pieuvre
 * set its `application_id` (recognised by its tables instead).
 */
export type FileVerdict = { isNew: true } | { isNew: false; version: number; isStamped: boolean };

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Decides, through a read-only handle, whether Pieuvre may open this file: absent or empty (a
 * new database), or Pieuvre's own at a schema this version knows. Anything else throws a
 * DatabaseOpenError and the file is left byte for byte as it was.
 */
export function recogniseFile(path: string): FileVerdict {
  if (!existsSync(path) || statSync(path).size === 0) return { isNew: true };
  if (readHeader(path) !== SQLITE_HEADER) {
    throw new DatabaseOpenError(`${path} is not a Pieuvre database (it is not a SQLite file). It was left untouched.`, 'foreign');
  }
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return judge(path, db);
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseOpenError(`${path} could not be read as a Pieuvre database (${reason}). It was left untouched.`);
  } finally {
    db?.close();
  }
}

function judge(path: string, db: Db): FileVerdict {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS.length;
  // Reading the schema also refuses a file too damaged to hold one, before any write could.
  const tables = tableNames(db);
  if (applicationId === PIEUVRE_APPLICATION_ID) {
    if (version > latest) {
      throw new DatabaseOpenError(
        `${path} was written by a newer version of Pieuvre (schema ${version}; this version knows up to ${latest}). Update Pieuvre to open it. The file was left untouched.`,
        'newer',
      );
    }
    return { isNew: false, version, isStamped: true };
  }
  if (applicationId !== 0) {
    throw new DatabaseOpenError(
      `${path} is not a Pieuvre database (it belongs to another application: application_id 0x${(applicationId >>> 0).toString(16)}). It was left untouched.`,
      'foreign',
    );
  }
  // An empty SQLite file, e.g. from a first start that stopped before the schema was written.
  if (version === 0 && tables.length === 0) return { isNew: true };
  if (version >= 1 && version <= latest && sameNames(tables, tablesAtVersion(version))) return { isNew: false, version, isStamped: false };
  throw new DatabaseOpenError(`${path} is not a Pieuvre database (its tables are not Pieuvre's). It was left untouched.`, 'foreign');
}

const tableNames = (db: Db): string[] =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => row.name);

/** The tables Pieuvre's own migrations make up to a version, built in memory: the reference never drifts from them. */
function tablesAtVersion(version: number): string[] {
  const reference = new Database(':memory:');
  try {
    migrate(reference, MIGRATIONS.slice(0, version));
    return tableNames(reference);
  } finally {
    reference.close();
  }
}

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name, index) => name === b[index]);

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}
