import { create } from 'zustand';
import type { AccountsSettings, AccountView } from '../../../shared/api/accounts';
import { call } from '../../app/coreClient';
import { usePageStore } from '../pages/pageStore';
import { failureOf, type AccountsFailure } from './accountsFailure';

type AccountsState = {
  /** As the core lists them; loaded while the Accounts page shows. */
  accounts: AccountView[];
  /** The list has come from the core at least once (until then the page says it is loading). */
  isLoaded: boolean;
  settings: AccountsSettings | null;
  loadFailure: AccountsFailure | null;
  /** The last action that failed, on which account, to say so on its row. */
  actionFailure: { accountId: string; failure: AccountsFailure } | null;
  /** Accounts with an action on its way: their buttons wait for it. */
  busyIds: string[];
  /** The first-start welcome stands in place of the whole app. */
  isWelcomeShown: boolean;
  /** Shows the Accounts page in place of the inbox. */
  open(): Promise<void>;
  load(): Promise<void>;
  /** After an `accounts.changed` or a big `inbox.changed`: refetch if the page shows. */
  refresh(): Promise<void>;
  loadWelcome(): Promise<void>;
  dismissWelcome(): Promise<void>;
  loadSettings(): Promise<void>;
  setBackfillDays(backfillDays: number): Promise<void>;
  syncNow(id: string): Promise<void>;
  pause(id: string): Promise<void>;
  resume(id: string): Promise<void>;
  setSyncInterval(id: string, ms: number): Promise<void>;
  disconnect(id: string, keepHistory: boolean): Promise<void>;
  /** X's pay-per-use: the most the account may spend in a month, in USD; null: no limit. */
  setMonthlyBudget(id: string, usd: number | null): Promise<void>;
  /** Deletes the demo accounts and what they brought; the core keeps it removed. */
  removeDemo(): Promise<void>;
};

/** The accounts and their state as the core keeps them: every action is the core's, then refetched. */
export const useAccountsStore = create<AccountsState>((set, get) => {
  /** Runs an action on one account: its buttons wait, a failure is kept for its row, the list is refetched either way. */
  const act = async (accountId: string, work: () => Promise<unknown>) => {
    set({ busyIds: [...get().busyIds, accountId], actionFailure: null });
    try {
      await work();
    } catch (error) {
      set({ actionFailure: { accountId, failure: failureOf(error) } });
    } finally {
      set({ busyIds: get().busyIds.filter((id) => id !== accountId) });
      await get().load();
    }
  };
  return {
    accounts: [],
    isLoaded: false,
    settings: null,
    loadFailure: null,
    actionFailure: null,
    busyIds: [],
    isWelcomeShown: false,

    async open() {
      usePageStore.getState().show('accounts');
      // The settings only word the toast after a connection (the default days otherwise).
      await Promise.all([get().load(), get().loadSettings().catch(() => undefined)]);
    },

    async load() {
      try {
        set({ accounts: await call('accounts.list', {}), isLoaded: true, loadFailure: null });
      } catch (error) {
        set({ loadFailure: failureOf(error) });
      }
    },

    async refresh() {
      if (usePageStore.getState().page === 'accounts') await get().load();
    },

    async loadWelcome() {
      // A core that cannot say (an older one) has nothing to welcome anyone to: the inbox shows.
      const welcome = await call('accounts.welcome', {}).catch(() => ({ show: false }));
      set({ isWelcomeShown: welcome.show });
    },

    async dismissWelcome() {
      set({ isWelcomeShown: false });
      // Best effort: at worst the welcome shows once more on the next start.
      await call('accounts.dismissWelcome', {}).catch(() => null);
    },

    async loadSettings() {
      set({ settings: await call('accounts.settings', {}) });
    },

    async setBackfillDays(backfillDays) {
      set({ settings: await call('accounts.updateSettings', { backfillDays }) });
    },

    syncNow: (id) => act(id, () => call('accounts.syncNow', { id })),
    pause: (id) => act(id, () => call('accounts.pause', { id })),
    resume: (id) => act(id, () => call('accounts.resume', { id })),
    setSyncInterval: (id, ms) => act(id, () => call('accounts.setSyncInterval', { id, ms })),
    disconnect: (id, keepHistory) => act(id, () => call('accounts.disconnect', { id, keepHistory })),
    setMonthlyBudget: (id, usd) => act(id, () => call('accounts.setMonthlyBudget', { id, usd })),

    async removeDemo() {
      await call('demo.remove', {});
      await get().load();
    },
  };
});
