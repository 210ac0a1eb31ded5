import { create } from 'zustand';
import type { DatabaseStatus } from '../../../shared/api/database';
import { call } from '../../app/coreClient';

type DatabaseState = {
  status: DatabaseStatus | null;
  load(): Promise<void>;
  /** The core's `database.status` event: the background integrity check finished. */
  receive(status: DatabaseStatus): void;
};

/** The database's health as the core reports it; the app shows the damaged-file screen from it. */
export const useDatabaseStore = create<DatabaseState>((set) => ({
  status: null,
  async load() {
    set({ status: await call('database.status', {}) });
  },
  receive(status) {
    set({ status });
  },
}));
