import i18next from 'i18next';
import { create } from 'zustand';
import { BACKFILL_DAYS, type AccountView, type PendingSignIn } from '../../../shared/api/accounts';
import { call } from '../../app/coreClient';
import { useOverlayStore } from '../overlays/overlayStore';
import { useToastStore } from '../toast/toastStore';
import { failureOf, type AccountsFailure } from './accountsFailure';
import { useAccountsStore } from './accountsStore';

/** The platforms Pieuvre can connect for real so far; the others show as coming soon. */
export type ConnectablePlatform = 'bluesky' | 'mastodon';

/** Where the connect dialog is: choosing a platform, filling its form, or waiting for the person's browser. */
export type ConnectStep =
  | { kind: 'choose' }
  | { kind: 'bluesky' }
  | { kind: 'mastodon' }
  | { kind: 'waiting'; server: string; pending: PendingSignIn };

/** What a Reconnect fills the form with: the account's handle and server. */
export type ConnectPrefill = { identifier: string; server: string };

type ConnectState = {
  step: ConnectStep;
  prefill: ConnectPrefill;
  isBusy: boolean;
  failure: AccountsFailure | null;
  /** Opens the dialog: on the platform chooser, or on a platform's form filled in (Reconnect). */
  open(start?: { platform: ConnectablePlatform; prefill: ConnectPrefill }): void;
  choose(step: { kind: ConnectablePlatform } | { kind: 'choose' }): void;
  /** The app password is only passed through: it is never kept here. */
  connectBluesky(form: { identifier: string; appPassword: string; server: string }): Promise<void>;
  /** Asks the server for its sign-in page, opens it in the browser and waits for the sign-in to come back. */
  startMastodon(server: string): Promise<void>;
  /**
   * The code the server's out-of-band page showed (`pending.outOfBandUrl`, for a browser that
   * cannot come back to this computer), pasted by the person: it finishes that flow, and the
   * browser's wait is then called off.
   */
  submitCode(code: string): Promise<void>;
  /** Stops waiting: the core forgets the sign-in; the server form shows again. */
  cancelSignIn(): void;
  /** The dialog closed: a sign-in still waiting is cancelled. */
  closed(): void;
};

const EMPTY_PREFILL: ConnectPrefill = { identifier: '', server: '' };

/** In the system browser: the app's window policy opens `window.open` there (the harness opens a tab). */
const openInBrowser = (url: string) => void window.open(url, '_blank', 'noopener,noreferrer');

export const useConnectStore = create<ConnectState>((set, get) => {
  const waitingId = () => {
    const step = get().step;
    return step.kind === 'waiting' ? step.pending.signInId : null;
  };

  const connected = async (account: AccountView) => {
    set({ step: { kind: 'choose' }, prefill: EMPTY_PREFILL, isBusy: false, failure: null });
    useOverlayStore.getState().close();
    const days = useAccountsStore.getState().settings?.backfillDays ?? BACKFILL_DAYS.default;
    useToastStore.getState().show('info', i18next.t('accounts.connect.done', { handle: account.handle, count: days }));
    await useAccountsStore.getState().open();
  };

  /** A finished sign-in counts only while the dialog still waits for that very sign-in (not cancelled, not finished by the other path). */
  const finishMastodon = async (signInId: string) => {
    try {
      const account = await call('accounts.finishMastodon', { signInId });
      if (waitingId() === signInId) await connected(account);
    } catch (error) {
      // A failed wait ends this sign-in.
      if (waitingId() === signInId) set({ step: { kind: 'mastodon' }, failure: failureOf(error), isBusy: false });
    }
  };

  return {
    step: { kind: 'choose' },
    prefill: EMPTY_PREFILL,
    isBusy: false,
    failure: null,

    open(start) {
      set({ step: { kind: start?.platform ?? 'choose' }, prefill: start?.prefill ?? EMPTY_PREFILL, isBusy: false, failure: null });
      useOverlayStore.getState().show('connectAccount');
    },

    choose(step) {
      set({ step, failure: null });
    },

    async connectBluesky({ identifier, appPassword, server }) {
      set({ isBusy: true, failure: null, prefill: { identifier, server } });
      try {
        const account = await call('accounts.connectBluesky', { identifier, appPassword, ...(server.trim() ? { server: server.trim() } : {}) });
        await connected(account);
      } catch (error) {
        set({ isBusy: false, failure: failureOf(error) });
      }
    },

    async startMastodon(server) {
      set({ isBusy: true, failure: null, prefill: { ...get().prefill, server } });
      try {
        const pending = await call('accounts.startMastodon', { server });
        set({ step: { kind: 'waiting', server, pending }, isBusy: false });
        openInBrowser(pending.authorizeUrl);
        void finishMastodon(pending.signInId);
      } catch (error) {
        set({ isBusy: false, failure: failureOf(error) });
      }
    },

    async submitCode(code) {
      const step = get().step;
      if (step.kind !== 'waiting') return;
      const { signInId } = step.pending;
      set({ isBusy: true, failure: null });
      try {
        const account = await call('accounts.finishMastodonCode', { server: step.server, code });
        if (waitingId() !== signInId) return;
        await connected(account);
        // The browser will not come back now: its listener is closed.
        void call('accounts.cancelSignIn', { signInId }).catch(() => null);
      } catch (error) {
        // A wrong pasted code leaves both ways open.
        if (waitingId() === signInId) set({ failure: failureOf(error), isBusy: false });
      }
    },

    cancelSignIn() {
      const signInId = waitingId();
      set({ step: { kind: 'mastodon' }, isBusy: false, failure: null });
      // Nothing waits on the answer: the sign-in is forgotten here whatever the core says.
      if (signInId !== null) void call('accounts.cancelSignIn', { signInId }).catch(() => null);
    },

    closed() {
      if (waitingId() !== null) get().cancelSignIn();
      set({ step: { kind: 'choose' }, isBusy: false, failure: null });
    },
  };
});

// However the dialog closes (Escape, Close, another dialog opening), a sign-in still waiting is cancelled.
useOverlayStore.subscribe((state, previous) => {
  if (previous.open === 'connectAccount' && state.open !== 'connectAccount') useConnectStore.getState().closed();
});
