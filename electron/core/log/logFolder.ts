import { join } from 'node:path';

export const LOG_FOLDER = 'logs';
export const LOG_FILE = 'pieuvre.log';

/** Where a data folder's log lives: the core writes there, the shell's menu opens it. */
export const logFolderOf = (dataDir: string): string => join(dataDir, LOG_FOLDER);
