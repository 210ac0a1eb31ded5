import { chmodSync, copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { checkDatabaseFile, DatabaseOpenError } from '../store/database';
import { PRIVATE_FILE_MODE } from '../store/privateFiles';

/**
 * Refuses, before anything is replaced, a file that is not a Pieuvre database this version can
 * open: missing, not SQLite, another application's, damaged, or from a newer Pieuvre.
 * Everything is read through read-only handles.
 */
export function checkRestorable(path: string): void {
  if (!existsSync(path)) throw new DatabaseOpenError(`${path} does not exist.`, 'foreign');
  checkDatabaseFile(path);
}

/**
 * Puts `from` in place of the database file; the database must be closed. The copy is made
 * beside the target and renamed over it, so the target is either the old file or the whole new
 * one. The old file's -wal and -shm go first: left there, SQLite would replay them into the
 * restored file. Also what a "damaged database" screen calls, with no database open at all.
 */
export function replaceDatabaseFile(databasePath: string, from: string): void {
  const incoming = `${databasePath}.restoring`;
  copyFileSync(from, incoming);
  chmodSync(incoming, PRIVATE_FILE_MODE);
  rmSync(`${databasePath}-wal`, { force: true });
  rmSync(`${databasePath}-shm`, { force: true });
  renameSync(incoming, databasePath);
}

const SIDE_FILES = ['', '-wal', '-shm'];

/**
 * Keeps a damaged database, with its -wal and -shm, under `aside` by a plain copy: SQLite's
 * backup API would have to read the damaged pages, and the file must stay as it was, byte for
 * byte, in case it can still be repaired. Made while the connection is open but writes refused.
 */
export function keepDamagedAside(databasePath: string, aside: string): void {
  for (const suffix of SIDE_FILES) {
    if (!existsSync(`${databasePath}${suffix}`)) continue;
    copyFileSync(`${databasePath}${suffix}`, `${aside}${suffix}`);
    chmodSync(`${aside}${suffix}`, PRIVATE_FILE_MODE);
  }
}

/** Puts a damaged database kept aside back in place, -wal included, when a restore failed. */
export function putDamagedBack(databasePath: string, aside: string): void {
  replaceDatabaseFile(databasePath, aside);
  if (existsSync(`${aside}-wal`)) copyFileSync(`${aside}-wal`, `${databasePath}-wal`);
}
