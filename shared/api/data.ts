import { z } from 'zod';
import { method } from './method';

/** Automatic (daily), made with "Back up now", or taken just before a restore replaced the data. */
export type BackupKind = 'auto' | 'manual' | 'before-restore';

/** A backup file in the data folder's `backups/`. */
export type BackupInfo = {
  /** The file's name in the backups folder: what `data.restore` takes. */
  name: string;
  kind: BackupKind;
  createdAt: number;
  sizeBytes: number;
};

export type BackupList = {
  /** Where the backups are, to tell the person. */
  folder: string;
  /** Newest first. */
  backups: BackupInfo[];
};

export type RestoreResult = {
  /** The file restored. */
  restoredFrom: string;
  /** The data replaced, backed up first; null when it was damaged (see `damagedKeptAs`). */
  safetyBackup: BackupInfo | null;
  /** A damaged database is not backed up but copied as it was, never deleted: that copy's path. */
  damagedKeptAs: string | null;
};

export type ExportResult = {
  /** The JSON Lines file written. */
  path: string;
  tables: number;
  rows: number;
};

export type DataSettings = {
  /** Rejected items older than this many days are deleted (at start and daily). */
  rejectedRetentionDays: number;
};

/** A long backup or export moving along; `done` of `total` pages (backup) or rows (export). */
export type DataProgress = { task: 'backup' | 'export'; done: number; total: number };

export const REJECTED_RETENTION_DEFAULT_DAYS = 30;

/** A backup's file name: `pieuvre-` and a time, never a path (so only the backups folder is reachable by name). */
const backupName = z.string().regex(/^pieuvre-[0-9A-Za-z-]+\.db$/, 'must be the name of a file in the backups folder');
/** A file the person chose in the app's file dialog. */
const chosenPath = z.string().min(2).max(4096).refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path), 'must be an absolute path');

export const dataContract = {
  'data.backups.list': method<BackupList>()(z.strictObject({})),
  /** Backs the database up now (online, while the app runs); `data.progress` events follow it. */
  'data.backupNow': method<BackupInfo>()(z.strictObject({})),
  /**
   * Replaces the data with a backup: one from the backups folder by name, or a file the person
   * chose. The current data is backed up first (a damaged database is copied aside as it is);
   * every window then gets `data.restored` and reloads. Answers while the database is damaged.
   */
  'data.restore': method<RestoreResult>()(
    z.union([z.strictObject({ name: backupName }), z.strictObject({ path: chosenPath })]),
  ),
  /** Writes everything the person's work is made of to a JSON Lines file (never a token). */
  'data.export': method<ExportResult>()(z.strictObject({ path: chosenPath.optional() })),
  'data.settings': method<DataSettings>()(z.strictObject({})),
  'data.setSettings': method<DataSettings>()(z.strictObject({ rejectedRetentionDays: z.number().int().min(1).max(365) })),
};
