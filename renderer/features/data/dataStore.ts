import { create } from 'zustand';
import type { BackupInfo, DataProgress, DataSettings, ExportResult } from '../../../shared/api/data';
import type { ErrorCode } from '../../../shared/api/result';
import { call, CoreError } from '../../app/coreClient';

type Task = 'backup' | 'restore' | 'export';

/** A backup from the list, or a file the person chose in the app's dialog. */
export type RestoreChoice = { backup: BackupInfo } | { path: string };

/** What failed, for the Data tab to say in the person's language (by code) with what the core said. */
export type DataFailure = { task: Task | 'load' | 'settings'; code: ErrorCode; message: string };

type DataState = {
  folder: string | null;
  /** Newest first. */
  backups: BackupInfo[];
  settings: DataSettings | null;
  running: Task | null;
  progress: Omit<DataProgress, 'task'> | null;
  lastBackup: BackupInfo | null;
  lastExport: ExportResult | null;
  /** What a person asked to restore, waiting for their confirmation. */
  confirmingRestore: RestoreChoice | null;
  failure: DataFailure | null;
  load(): Promise<void>;
  /** Only the backups: what the damaged-database screen needs, without reading the database. */
  loadBackups(): Promise<void>;
  backupNow(): Promise<void>;
  askRestore(choice: RestoreChoice): void;
  /** The app's native dialog (absent in the browser harness), then the confirmation. */
  chooseFileToRestore(): Promise<void>;
  cancelRestore(): void;
  restore(): Promise<void>;
  exportAll(): Promise<void>;
  setRejectedRetentionDays(days: number): Promise<void>;
  /** A `data.progress` event from the core. */
  progressed(progress: DataProgress): void;
};

const failureOf = (task: DataFailure['task'], error: unknown): DataFailure =>
  error instanceof CoreError ? { task, code: error.code, message: error.message } : { task, code: 'internal', message: String(error) };

/** Backups, restore, export and the quarantine's keep. The core does the work; this store shows where it is. */
export const useDataStore = create<DataState>((set, get) => {
  /** One task at a time, as in the core; its failure is kept to be shown. */
  const run = async (task: Task, work: () => Promise<void>) => {
    set({ running: task, progress: null, failure: null });
    try {
      await work();
    } catch (error) {
      set({ failure: failureOf(task, error) });
    } finally {
      set({ running: null, progress: null });
    }
  };
  const listBackups = async () => {
    const list = await call('data.backups.list', {});
    set({ folder: list.folder, backups: list.backups });
  };
  const loading = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      set({ failure: failureOf('load', error) });
    }
  };
  return {
    folder: null,
    backups: [],
    settings: null,
    running: null,
    progress: null,
    lastBackup: null,
    lastExport: null,
    confirmingRestore: null,
    failure: null,

    load: () =>
      loading(async () => {
        const [, settings] = await Promise.all([listBackups(), call('data.settings', {})]);
        set({ settings });
      }),

    loadBackups: () => loading(listBackups),

    backupNow: () =>
      run('backup', async () => {
        const lastBackup = await call('data.backupNow', {});
        set({ lastBackup });
        await get().load();
      }),

    askRestore(choice) {
      set({ confirmingRestore: choice, failure: null });
    },

    async chooseFileToRestore() {
      const path = await window.pieuvre?.chooseBackupFile();
      if (path) get().askRestore({ path });
    },

    cancelRestore() {
      set({ confirmingRestore: null });
    },

    restore: () => {
      const choice = get().confirmingRestore;
      set({ confirmingRestore: null });
      if (!choice) return Promise.resolve();
      const source = 'backup' in choice ? { name: choice.backup.name } : { path: choice.path };
      // On success every window reloads (the `data.restored` event): nothing more to do here.
      return run('restore', async () => void (await call('data.restore', source)));
    },

    exportAll: () =>
      run('export', async () => {
        set({ lastExport: await call('data.export', {}) });
      }),

    async setRejectedRetentionDays(days) {
      try {
        set({ settings: await call('data.setSettings', { rejectedRetentionDays: days }) });
      } catch (error) {
        set({ failure: failureOf('settings', error) });
      }
    },

    progressed({ task, done, total }) {
      if (get().running === task || (task === 'backup' && get().running === 'restore')) set({ progress: { done, total } });
    },
  };
});
