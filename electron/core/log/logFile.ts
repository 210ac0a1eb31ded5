import { chmodSync, mkdirSync } from 'node:fs';
import { createStream } from 'rotating-file-stream';
import { LOG_FILE, logFolderOf } from './logFolder';
import { createLogger, type Logger } from './logger';

export type LogRotation = { maxSize: `${number}${'B' | 'K' | 'M'}`; oldFiles: number };

/** Rotated at 5 MB into pieuvre.log.1 … .3: at most 20 MB of logs, the last days of use or more. */
const ROTATION: LogRotation = { maxSize: '5M', oldFiles: 3 };

/**
 * The one log of this data folder: `logs/pieuvre.log`, rotated by size, readable by its owner
 * only (folder 0700, files 0600) since it names accounts and conversations.
 */
export function openLogFile(dataDir: string, rotation: LogRotation = ROTATION): Logger {
  const folder = logFolderOf(dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing folder as it was: make sure of its mode.
  chmodSync(folder, 0o700);
  const stream = createStream(LOG_FILE, { path: folder, size: rotation.maxSize, rotate: rotation.oldFiles, mode: 0o600 });
  // A full disk or a removed folder must not end the app: the log is lost, the inbox goes on.
  stream.on('error', (error) => console.error('Pieuvre: the log file cannot be written:', error.message));
  return createLogger(stream);
}
