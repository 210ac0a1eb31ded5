import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupKind, BackupList, ExportResult, RestoreResult } from '../../../shared/api/data';
import { ApiFailure } from '../../../shared/api/result';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import { markWaitingAsMaybeSent } from '../outbox/outboxStore';
import { DatabaseOpenError, type Db } from '../store/database';
import { backupDatabase } from './backupDatabase';
import { BACKUPS_FOLDER, backupFileName, damagedFileName, fileStamp, listBackups, pruneAutoBackups } from './backupFiles';
import { exportData } from './exportData';
import { makePrivateDir } from '../store/privateFiles';
import { checkRestorable, keepDamagedAside, putDamagedBack, replaceDatabaseFile } from './restoreDatabase';

export type DataServiceOptions = {
  dataDir: string;
  databasePath: string;
  clock: Clock;
  events: EventBus;
  /** The database open now (a restore replaces it). */
  db: () => Db;
  /** The background integrity check found the open database damaged (writes are refused). */
  isDamaged: () => boolean;
  /** Closes the database and all that is built on it, runs `replace`, then opens it all again. */
  swapDatabase: (replace: () => void, options?: SwapOptions) => void;
};

export type SwapOptions = {
  /** Runs on the new database before any service starts. */
  prepare?: (db: Db) => void;
  /** What goes in was checked whole (the default): no background check. */
  isKnownGood?: boolean;
};

/** How the data a restore replaces is kept: a backup, or a damaged file copied as it is. */
type KeptData = Pick<RestoreResult, 'safetyBackup' | 'damagedKeptAs'>;

export type RestoreSource = { name: string } | { path: string };

const EXPORTS_FOLDER = 'exports';
const DAY_MS = 86_400_000;

/**
 * Backups, restore and export of the data folder, one after the other: a restore must not
 * close the database under a running backup, and two backups would only compete for the disk.
 * A request made while another runs waits its turn (pressing "Back up now" during the daily
 * backup is not an error).
 */
export class DataService {
  private pending = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: DataServiceOptions) {}

  get isBusy(): boolean {
    return this.pending > 0;
  }

  get backupsFolder(): string {
    return makePrivateDir(join(this.options.dataDir, BACKUPS_FOLDER));
  }

  list(): BackupList {
    return { folder: this.backupsFolder, backups: listBackups(this.backupsFolder) };
  }

  backupNow(kind: BackupKind = 'manual'): Promise<BackupInfo> {
    return this.exclusive(() => this.backup(kind));
  }

  /** The daily backup is due when there is no automatic backup from the last 24 hours. */
  isDailyBackupDue(): boolean {
    const newest = listBackups(this.backupsFolder).find((backup) => backup.kind === 'auto');
    return !newest || this.options.clock() - newest.createdAt >= DAY_MS;
  }

  /**
   * Replaces the data with a backup, after keeping the current data: backed up, or, when damaged,
   * copied aside as it is. Every window is told to reload.
   */
  restore(source: RestoreSource): Promise<RestoreResult> {
    return this.exclusive(async () => {
      const from = 'name' in source ? join(this.backupsFolder, source.name) : source.path;
      if (!existsSync(from)) throw new ApiFailure('not_found', `There is no backup at ${from}.`);
      try {
        checkRestorable(from);
      } catch (error) {
        if (!(error instanceof DatabaseOpenError)) throw error;
        throw new ApiFailure(error.reason === 'newer' ? 'conflict' : 'invalid_input', error.message);
      }
      const kept = await this.keepCurrentData();
      const { databasePath, swapDatabase, clock } = this.options;
      try {
        swapDatabase(() => replaceDatabaseFile(databasePath, from), { prepare: (db) => markWaitingAsMaybeSent(db, clock()) });
      } catch (error) {
        // The restored file would not open (a migration failed): the data is put back as it was.
        this.putBack(kept);
        throw new ApiFailure('invalid_input', `${from} could not be opened after restoring it (${error instanceof Error ? error.message : String(error)}); the data is back as it was.`);
      }
      const { events } = this.options;
      events.emit('data.restored', { restoredFrom: from });
      // For listeners that do not reload (the shell's unread badge): everything changed.
      events.emit('inbox.changed', { conversationIds: [], everything: true });
      events.emit('duty.changed', {});
      return { restoredFrom: from, ...kept };
    });
  }

  /** Everything the person's work is made of, as JSON Lines: to `path`, or a new file in the data folder's `exports/`. */
  export(path?: string): Promise<ExportResult> {
    return this.exclusive(() => {
      const destination = path ?? join(makePrivateDir(join(this.options.dataDir, EXPORTS_FOLDER)), `pieuvre-export-${fileStamp(this.options.clock())}.jsonl`);
      return exportData(this.options.databasePath, destination, (done, total) => this.options.events.emit('data.progress', { task: 'export', done, total }));
    });
  }

  /** SQLite's backup API may fail on damaged pages, and would not keep the file as it was: a damaged file is copied. */
  private async keepCurrentData(): Promise<KeptData> {
    if (!this.options.isDamaged()) return { safetyBackup: await this.backup('before-restore'), damagedKeptAs: null };
    const aside = join(this.backupsFolder, damagedFileName(this.options.clock()));
    keepDamagedAside(this.options.databasePath, aside);
    return { safetyBackup: null, damagedKeptAs: aside };
  }

  private putBack({ safetyBackup, damagedKeptAs }: KeptData): void {
    const { databasePath, swapDatabase } = this.options;
    if (safetyBackup) swapDatabase(() => replaceDatabaseFile(databasePath, join(this.backupsFolder, safetyBackup.name)));
    // Back as it was, damaged: checked again, so the damaged screen stays.
    else if (damagedKeptAs) swapDatabase(() => putDamagedBack(databasePath, damagedKeptAs), { isKnownGood: false });
  }

  private async backup(kind: BackupKind): Promise<BackupInfo> {
    const folder = this.backupsFolder;
    const name = backupFileName(kind, this.options.clock());
    await backupDatabase(this.options.db(), join(folder, name), {
      onProgress: (done, total) => this.options.events.emit('data.progress', { task: 'backup', done, total }),
    });
    if (kind === 'auto') pruneAutoBackups(folder);
    const backup = listBackups(folder).find((candidate) => candidate.name === name);
    if (!backup) throw new Error(`The backup ${name} was written but is not in ${folder}.`);
    return backup;
  }

  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.queue.then(run).finally(() => {
      this.pending -= 1;
    });
    // The next task waits for this one to settle, whether it succeeded or not.
    this.queue = result.catch(() => undefined);
    return result;
  }
}
