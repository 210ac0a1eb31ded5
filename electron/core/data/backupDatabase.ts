import Database from 'better-sqlite3';
import { chmodSync, renameSync, rmSync } from 'node:fs';
import type { Db } from '../store/database';
import { PRIVATE_FILE_MODE } from '../store/privateFiles';

/** 256 pages of 16 KiB (4 MiB) per step: the core answers requests and ingests between steps. */
const PAGES_PER_STEP = 256;

export type BackupOptions = {
  onProgress?: (donePages: number, totalPages: number) => void;
  pagesPerStep?: number;
};

/**
 * An online backup through SQLite's backup API, page-stepped on the event loop while the app
 * keeps running. Writes made meanwhile through the same connection are carried into the copy,
 * so it is one consistent state. It is written beside its final name and renamed when whole,
 * so a crash never leaves a half backup that looks like one.
 */
export async function backupDatabase(db: Db, destination: string, options: BackupOptions = {}): Promise<void> {
  const partial = `${destination}.partial`;
  const step = options.pagesPerStep ?? PAGES_PER_STEP;
  try {
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.(totalPages - remainingPages, totalPages);
        return step;
      },
    });
    makeSelfContained(partial);
    chmodSync(partial, PRIVATE_FILE_MODE);
    renameSync(partial, destination);
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
    throw error;
  }
}

/**
 * The copy carries the live file's WAL flag; opening it would then need -wal and -shm files
 * beside it. Switched to a rollback journal, a backup is one file to copy, move or restore.
 */
function makeSelfContained(path: string): void {
  const copy = new Database(path);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
