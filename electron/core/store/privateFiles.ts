import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/** Owner-only: backups, exports and the database hold every conversation in the inbox. */
export const PRIVATE_FILE_MODE = 0o600;

/** The companion files SQLite keeps beside a database in WAL mode. */
export const SQLITE_SIDE_FILES = ['-wal', '-shm'] as const;

/**
 * The data folder, readable by its owner only (POSIX; Windows keeps its own per-user ACLs and
 * ignores the mode): an inbox holds private messages from people who never chose this machine.
 */
export function makePrivateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir keeps an existing folder's mode, and a new one's is narrowed by the umask only.
  chmodSync(dir, 0o700);
  return dir;
}

/**
 * The database file, created if need be, and its -wal and -shm if they exist, owner-only (0600).
 * SQLite gives the -wal and -shm it creates later the database file's own mode.
 */
export function makePrivateDatabaseFiles(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  for (const file of [path, ...SQLITE_SIDE_FILES.map((suffix) => path + suffix)]) {
    if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
  }
}
