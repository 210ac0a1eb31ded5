import { create } from 'zustand';
import type { AwayRepliesSetup, AwayReplySettings } from '../../../shared/api/awayReplies';
import { call } from '../../app/coreClient';

type AwayRepliesState = {
  /** null until the Away replies tab first shows. */
  setup: AwayRepliesSetup | null;
  load(): Promise<void>;
  /** The default for all accounts (accountId null) or one account's own; null settings: it follows the default again. */
  save(accountId: string | null, settings: AwayReplySettings | null): Promise<void>;
};

/** Away-reply settings as the core keeps them: every change is the core's, then shown. */
export const useAwayRepliesStore = create<AwayRepliesState>((set) => ({
  setup: null,
  async load() {
    set({ setup: await call('awayReplies.settings', {}) });
  },
  async save(accountId, settings) {
    set({ setup: await call('awayReplies.setSettings', { accountId, settings }) });
  },
}));

/** What an account answers: its own settings, else the default for all accounts. */
export function effectiveSettings(setup: AwayRepliesSetup, accountId: string): { settings: AwayReplySettings; isOwn: boolean } {
  const own = setup.accounts.find((account) => account.accountId === accountId)?.own ?? null;
  return own ? { settings: own, isOwn: true } : { settings: setup.workspace, isOwn: false };
}
