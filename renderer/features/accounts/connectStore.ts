import i18next from 'i18next';
import { create } from 'zustand';
import { BACKFILL_DAYS, type AccountView, type PendingOAuthSignIn, type PendingSignIn, type PlatformAppView } from '../../../shared/api/accounts';
import type { OAuthPlatform } from '../../../shared/domain/platform';
import { call } from '../../app/coreClient';
import { useOverlayStore } from '../overlays/overlayStore';
import { useToastStore } from '../toast/toastStore';
import { failureOf, type AccountsFailure } from './accountsFailure';
import { useAccountsStore } from './accountsStore';

/** The platforms Pieuvre can connect for real; a wave-2 one only when this build has it (`apps`). */
export type ConnectablePlatform = 'bluesky' | 'mastodon' | OAuthPlatform;

/** Where the connect dialog is: choosing a platform, filling its form, or waiting for the person's browser. */
export type ConnectStep =
  | { kind: 'choose' }
  | { kind: 'bluesky' }
  | { kind: 'mastodon' }
  | { kind: 'waiting'; server: string; pending: PendingSignIn }
  /** A wave-2 platform: the person's own app on it, then its sign-in. */
  | { kind: 'app'; platform: OAuthPlatform }
  | { kind: 'oauthWaiting'; pending: PendingOAuthSignIn };

/** What a Reconnect fills the form with: the account's handle and server. */
export type ConnectPrefill = { identifier: string; server: string };

type ConnectState = {
  step: ConnectStep;
  prefill: ConnectPrefill;
  isBusy: boolean;
  failure: AccountsFailure | null;
  /** The person's apps on the wave-2 platforms this build connects (empty until known, or when it connects none). */
  apps: PlatformAppView[];
  /** Opens the dialog: on the platform chooser, or on a platform's form filled in (Reconnect). */
  open(start?: { platform: ConnectablePlatform; prefill: ConnectPrefill }): void;
  choose(step: { kind: 'bluesky' | 'mastodon' | 'choose' } | { kind: 'app'; platform: OAuthPlatform }): void;
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
  /**
   * Saves the app's client id (and its secret when one was typed: an empty one keeps what is
   * stored), then starts the platform's sign-in in the browser and waits for it.
   */
  signInWithApp(platform: OAuthPlatform, app: { clientId: string; clientSecret: string }): Promise<void>;
  /**
   * Reddit's script app: saves its id (and its secret when one was typed), then signs in with the
   * password, which is only passed through (never kept here, never stored by the core).
   */
  connectRedditScript(form: { clientId: string; clientSecret: string; username: string; password: string }): Promise<void>;
  /** The address the browser ended on (or the code in it), pasted: it finishes the waiting sign-in. */
  submitOAuthCode(pasted: string): Promise<void>;
  /** Stops waiting: the core forgets the sign-in; the server form shows again. */
  cancelSignIn(): void;
  /** The dialog closed: a sign-in still waiting is cancelled. */
  closed(): void;
};

/** Where a cancelled or failed sign-in goes back to: the form it started from. */
const formOf = (step: ConnectStep): ConnectStep => (step.kind === 'oauthWaiting' ? { kind: 'app', platform: step.pending.platform } : { kind: 'mastodon' });

const EMPTY_PREFILL: ConnectPrefill = { identifier: '', server: '' };

/** In the system browser: the app's window policy opens `window.open` there (the harness opens a tab). */
const openInBrowser = (url: string) => void window.open(url, '_blank', 'noopener,noreferrer');

export const useConnectStore = create<ConnectState>((set, get) => {
  const waitingId = () => {
    const step = get().step;
    return step.kind === 'waiting' || step.kind === 'oauthWaiting' ? step.pending.signInId : null;
  };

  const connected = async (accounts: readonly AccountView[]) => {
    set({ step: { kind: 'choose' }, prefill: EMPTY_PREFILL, isBusy: false, failure: null });
    useOverlayStore.getState().close();
    const days = useAccountsStore.getState().settings?.backfillDays ?? BACKFILL_DAYS.default;
    const [first] = accounts;
    // One sign-in may bring several accounts (each Facebook Page): the toast names the first and counts the rest.
    const words = accounts.length > 1 ? i18next.t('accounts.connect.oauth.done', { handle: first?.handle, count: accounts.length - 1 }) : i18next.t('accounts.connect.done', { handle: first?.handle, count: days });
    useToastStore.getState().show('info', words);
    await useAccountsStore.getState().open();
  };

  /** The app's client id, and its secret when one was typed (an empty one keeps what is stored). */
  const saveApp = async (platform: OAuthPlatform, { clientId, clientSecret }: { clientId: string; clientSecret: string }) => {
    const saved = await call('accounts.setPlatformApp', { platform, clientId, ...(clientSecret.trim() ? { clientSecret } : {}) });
    set({ apps: get().apps.map((app) => (app.platform === platform ? saved : app)) });
  };

  /** The sign-in whose code was pasted: its browser wait, which the core then ends, says nothing more. */
  let pastedFor: string | null = null;

  /** As finishMastodon: only the sign-in the dialog still waits for counts. Either way it ends the sign-in in the core. */
  const finishOAuth = async (signInId: string, code?: string) => {
    try {
      const accounts = await call('accounts.finishOAuth', code === undefined ? { signInId } : { signInId, code });
      if (waitingId() === signInId) await connected(accounts);
    } catch (error) {
      if (code === undefined && pastedFor === signInId) return;
      if (waitingId() === signInId) set({ step: formOf(get().step), failure: failureOf(error), isBusy: false });
    }
  };

  /** A finished sign-in counts only while the dialog still waits for that very sign-in (not cancelled, not finished by the other path). */
  const finishMastodon = async (signInId: string) => {
    try {
      const account = await call('accounts.finishMastodon', { signInId });
      if (waitingId() === signInId) await connected([account]);
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
    apps: [],

    open(start) {
      const platform = start?.platform;
      const step: ConnectStep = platform === undefined ? { kind: 'choose' } : platform === 'bluesky' || platform === 'mastodon' ? { kind: platform } : { kind: 'app', platform };
      set({ step, prefill: start?.prefill ?? EMPTY_PREFILL, isBusy: false, failure: null });
      useOverlayStore.getState().show('connectAccount');
      // A core that cannot say (an older one, or a build without them) shows the wave-2 platforms as coming soon.
      void call('accounts.platformApps', {}).then((apps) => set({ apps }), () => set({ apps: [] }));
    },

    choose(step) {
      set({ step, failure: null });
    },

    async connectBluesky({ identifier, appPassword, server }) {
      set({ isBusy: true, failure: null, prefill: { identifier, server } });
      try {
        const account = await call('accounts.connectBluesky', { identifier, appPassword, ...(server.trim() ? { server: server.trim() } : {}) });
        await connected([account]);
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
        await connected([account]);
        // The browser will not come back now: its listener is closed.
        void call('accounts.cancelSignIn', { signInId }).catch(() => null);
      } catch (error) {
        // A wrong pasted code leaves both ways open.
        if (waitingId() === signInId) set({ failure: failureOf(error), isBusy: false });
      }
    },

    async signInWithApp(platform, { clientId, clientSecret }) {
      set({ isBusy: true, failure: null });
      try {
        await saveApp(platform, { clientId, clientSecret });
        const pending = await call('accounts.startOAuth', { platform });
        pastedFor = null;
        set({ step: { kind: 'oauthWaiting', pending }, isBusy: false });
        openInBrowser(pending.authorizeUrl);
        void finishOAuth(pending.signInId);
      } catch (error) {
        set({ isBusy: false, failure: failureOf(error) });
      }
    },

    async connectRedditScript({ clientId, clientSecret, username, password }) {
      set({ isBusy: true, failure: null });
      try {
        await saveApp('reddit', { clientId, clientSecret });
        await connected(await call('accounts.connectRedditScript', { username, password }));
      } catch (error) {
        set({ isBusy: false, failure: failureOf(error) });
      }
    },

    async submitOAuthCode(pasted) {
      const signInId = waitingId();
      if (signInId === null) return;
      set({ isBusy: true, failure: null });
      pastedFor = signInId;
      await finishOAuth(signInId, pasted);
    },

    cancelSignIn() {
      const signInId = waitingId();
      set({ step: formOf(get().step), isBusy: false, failure: null });
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
