import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupKind } from '../../../shared/api/data';

/** How many automatic (daily) backups are kept; the ones a person made are never deleted by the app. */
export const AUTO_BACKUPS_KEPT = 7;
export const BACKUPS_FOLDER = 'backups';

const KINDS: readonly BackupKind[] = ['auto', 'manual', 'before-restore'];
// pieuvre-2026-12-04-185500-123-auto.db: UTC, to the millisecond so two backups never share a name.
const NAME = /^pieuvre-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-(auto|manual|before-restore)\.db$/;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** 2026-12-04-185500-123 (UTC): sorts by time, and the same on every machine whatever its time zone. */
export function fileStamp(at: number): string {
  const d = new Date(at);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}-${pad(d.getUTCMilliseconds(), 3)}`;
}

export function backupFileName(kind: BackupKind, at: number): string {
  return `pieuvre-${fileStamp(at)}-${kind}.db`;
}

/** A damaged database set aside by a restore: never listed as a backup, since it cannot be restored. */
export function damagedFileName(at: number): string {
  return `pieuvre-damaged-${fileStamp(at)}.db`;
}

/** The kind and time a backup's name says, or null for any other file (partial copies included). */
export function parseBackupName(name: string): Pick<BackupInfo, 'kind' | 'createdAt'> | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds, ms] = match.slice(1, 8).map(Number) as [number, number, number, number, number, number, number];
  const kind = KINDS.find((candidate) => candidate === match[8]);
  return kind ? { kind, createdAt: Date.UTC(year, month - 1, day, hours, minutes, seconds, ms) } : null;
}

/** The backups in the folder, newest first. */
export function listBackups(folder: string): BackupInfo[] {
  const backups: BackupInfo[] = [];
  for (const name of readdirSync(folder)) {
    const parsed = parseBackupName(name);
    if (parsed) backups.push({ name, ...parsed, sizeBytes: statSync(join(folder, name)).size });
  }
  return backups.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

/** Deletes automatic backups beyond the newest AUTO_BACKUPS_KEPT; returns the names deleted. */
export function pruneAutoBackups(folder: string): string[] {
  const stale = listBackups(folder)
    .filter((backup) => backup.kind === 'auto')
    .slice(AUTO_BACKUPS_KEPT)
    .map((backup) => backup.name);
  for (const name of stale) rmSync(join(folder, name), { force: true });
  return stale;
}
