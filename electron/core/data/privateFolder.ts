import { chmodSync, mkdirSync } from 'node:fs';

/** Owner-only permissions: backups and exports hold every conversation in the inbox. */
export const PRIVATE_FILE_MODE = 0o600;
const PRIVATE_FOLDER_MODE = 0o700;

/** Creates the folder if needed and makes it owner-only (mkdir's mode is filtered by the umask, chmod's is not). */
export function ensurePrivateFolder(path: string): string {
  mkdirSync(path, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  chmodSync(path, PRIVATE_FOLDER_MODE);
  return path;
}
