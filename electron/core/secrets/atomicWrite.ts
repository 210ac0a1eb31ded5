import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TEMPORARY_SUFFIX = '.tmp';

/**
 * Replaces `file` whole or not at all: the bytes go to a temporary file beside it (created with
 * `mode`, so a secret is never readable by others even for a moment), are flushed to disk, then
 * renamed over. A crash at any point leaves either the old file or the new one, never half of
 * one. The folder is flushed too so the rename itself survives a power cut.
 */
export function writeFileAtomically(file: string, bytes: Uint8Array | string, mode: number): void {
  const temporary = `${file}.${process.pid}${TEMPORARY_SUFFIX}`;
  const fd = openSync(temporary, 'w', mode);
  try {
    writeFileSync(fd, bytes);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, file);
  syncFolder(dirname(file));
}

function syncFolder(folder: string): void {
  // Windows cannot open a folder for fsync; its rename is already durable enough there.
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * What writes cut short by a crash left beside `file`. Call it before the first write only: one
 * process owns a data folder, so no other writer can be using them.
 */
export function removeLeftoverTemporaries(file: string): void {
  const folder = dirname(file);
  const prefix = `${basename(file)}.`;
  const isLeftover = (name: string) =>
    name.startsWith(prefix) && name.endsWith(TEMPORARY_SUFFIX) && /^\d+$/.test(name.slice(prefix.length, -TEMPORARY_SUFFIX.length));
  for (const name of readdirSync(folder).filter(isLeftover)) rmSync(join(folder, name), { force: true });
}
