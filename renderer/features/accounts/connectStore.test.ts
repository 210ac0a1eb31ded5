import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../../shared/api/accounts';
import { coreAnsweringByHand } from '../../app/coreAnsweringByHand';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { useOverlayStore } from '../overlays/overlayStore';
import { usePageStore } from '../pages/pageStore';
import { useToastStore } from '../toast/toastStore';
import { failureText } from './accountsFailure';
import { useConnectStore } from './connectStore';

const account = (handle: string, platform: AccountView['platform']): AccountView => ({
  id: handle, platform, externalId: handle, name: handle, handle, isDemo: false, createdAt: 0,
  server: null, state: 'syncing', backfillProgress: 0, resumesAt: null, lastSyncAt: null, lastProblem: null, syncIntervalMs: 60_000, limits: null,
});
const ok = (value: unknown) => ({ ok: true, value }) as const;
const refused = (reason: string) => ({ ok: false, error: { code: 'invalid_input', message: `Sign-in refused: ${reason}`, reason } }) as const;
const pending = { signInId: 'sign-1', authorizeUrl: 'https://social.example/oauth/authorize?client_id=x', outOfBandUrl: 'https://social.example/oauth/authorize?client_id=x&redirect_uri=urn', expiresAt: 1_800_000_000_000 };
const store = () => useConnectStore.getState();
/** After every promise the answers delivered have settled: a timer runs only once the microtasks are done. */
const everyAnswerTaken = () => new Promise((resolve) => setTimeout(resolve, 0));

const french = i18next.createInstance();
await french.init({ lng: 'fr', fallbackLng: 'en', resources: { fr: { translation: fr }, en: { translation: en } }, interpolation: { escapeValue: false } });

describe('the connect dialog', () => {
  const open = vi.fn();
  beforeEach(() => {
    vi.stubGlobal('window', { open });
    open.mockClear();
    useOverlayStore.getState().close();
    usePageStore.setState({ page: 'inbox' });
    useToastStore.setState({ toasts: [] });
    store().open();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('a refused Bluesky sign-in is told in French by its reason, and the app password is kept nowhere', async () => {
    const core = coreAnsweringByHand();
    store().choose({ kind: 'bluesky' });
    const connecting = store().connectBluesky({ identifier: 'marie.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', server: ' ' });
    expect(store().isBusy).toBe(true);
    expect(core.answer('accounts.connectBluesky', refused('wrong_password'))).toEqual({ identifier: 'marie.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' });
    await connecting;
    expect(store()).toMatchObject({ isBusy: false, step: { kind: 'bluesky' }, prefill: { identifier: 'marie.bsky.social' } });
    expect(failureText(french.t, store().failure ?? { code: 'internal', message: '' })).toBe(fr.accounts.refusal.wrong_password);
    expect(JSON.stringify(store())).not.toContain('abcd-efgh');
  });

  it('a failure without a known reason says what kind it was, in French, with the core’s words', async () => {
    const core = coreAnsweringByHand();
    const connecting = store().connectBluesky({ identifier: 'marie', appPassword: 'x', server: 'https://pds.example' });
    expect(core.answer('accounts.connectBluesky', { ok: false, error: { code: 'unavailable', message: 'Not yet.', reason: 'no_such_reason' } })).toMatchObject({ server: 'https://pds.example' });
    await connecting;
    expect(failureText(french.t, store().failure ?? { code: 'internal', message: '' })).toBe('Ce n’est pas encore offert dans cette version de Pieuvre (Not yet.).');
  });

  it('connected: the dialog closes, the accounts page shows, and a toast says what happens next', async () => {
    const core = coreAnsweringByHand();
    expect(useOverlayStore.getState().open).toBe('connectAccount');
    const connecting = store().connectBluesky({ identifier: 'marie.bsky.social', appPassword: 'x', server: '' });
    core.answer('accounts.connectBluesky', ok(account('marie.bsky.social', 'bluesky')));
    await vi.waitFor(() => core.answer('accounts.list', ok([account('marie.bsky.social', 'bluesky')])));
    core.answer('accounts.settings', ok({ backfillDays: 14 }));
    await connecting;
    expect(useOverlayStore.getState().open).toBeNull();
    expect(usePageStore.getState().page).toBe('accounts');
    expect(useToastStore.getState().toasts).toHaveLength(1);
  });

  it('Mastodon: the browser opens on the sign-in page while the dialog waits for it; cancel forgets it, and its late answer changes nothing', async () => {
    const core = coreAnsweringByHand();
    store().choose({ kind: 'mastodon' });
    const starting = store().startMastodon('social.example');
    expect(core.answer('accounts.startMastodon', ok(pending))).toEqual({ server: 'social.example' });
    await starting;
    expect(open).toHaveBeenCalledWith(pending.authorizeUrl, '_blank', 'noopener,noreferrer');
    expect(store().step).toEqual({ kind: 'waiting', server: 'social.example', pending });
    store().cancelSignIn();
    expect(core.answer('accounts.cancelSignIn', ok(null))).toEqual({ signInId: 'sign-1' });
    expect(store().step).toEqual({ kind: 'mastodon' });
    core.answer('accounts.finishMastodon', { ok: false, error: { code: 'not_found', message: 'No such sign-in.' } });
    await everyAnswerTaken();
    expect(store()).toMatchObject({ step: { kind: 'mastodon' }, failure: null });
    expect(useOverlayStore.getState().open).toBe('connectAccount');
  });

  it('Mastodon: a sign-in that succeeds after it was cancelled connects nothing here', async () => {
    const core = coreAnsweringByHand();
    const starting = store().startMastodon('social.example');
    core.answer('accounts.startMastodon', ok(pending));
    await starting;
    store().cancelSignIn();
    core.answer('accounts.cancelSignIn', ok(null));
    core.answer('accounts.finishMastodon', ok(account('marie@social.example', 'mastodon')));
    await everyAnswerTaken();
    expect(store().step).toEqual({ kind: 'mastodon' });
    expect(useOverlayStore.getState().open).toBe('connectAccount');
    expect(useToastStore.getState().toasts).toEqual([]);
  });

  it('Mastodon: a code pasted from the out-of-band page finishes that flow and calls off the browser’s wait, whose end is ignored', async () => {
    const core = coreAnsweringByHand();
    const starting = store().startMastodon('social.example');
    core.answer('accounts.startMastodon', ok(pending));
    await starting;
    const pasting = store().submitCode('code-from-the-page');
    expect(core.requests.map((request) => request.method)).toContain('accounts.finishMastodonCode');
    expect(core.requests.find((request) => request.method === 'accounts.finishMastodonCode')?.input).toEqual({ server: 'social.example', code: 'code-from-the-page' });
    core.answer('accounts.finishMastodonCode', ok(account('marie@social.example', 'mastodon')));
    await vi.waitFor(() => core.answer('accounts.list', ok([])));
    core.answer('accounts.settings', ok({ backfillDays: 7 }));
    await pasting;
    expect(useOverlayStore.getState().open).toBeNull();
    expect(core.requests.find((request) => request.method === 'accounts.cancelSignIn')?.input).toEqual({ signInId: 'sign-1' });
    core.answer('accounts.cancelSignIn', ok(null));
    core.answer('accounts.finishMastodon', { ok: false, error: { code: 'not_found', message: 'Finished already.' } });
    await everyAnswerTaken();
    expect(store()).toMatchObject({ step: { kind: 'choose' }, failure: null });
  });

  it('Mastodon: a wrong pasted code is said and the dialog keeps waiting; a failed wait goes back to the server form', async () => {
    const core = coreAnsweringByHand();
    const starting = store().startMastodon('social.example');
    core.answer('accounts.startMastodon', ok(pending));
    await starting;
    const pasting = store().submitCode('wrong');
    core.answer('accounts.finishMastodonCode', refused('denied'));
    await pasting;
    expect(store()).toMatchObject({ step: { kind: 'waiting' }, failure: { reason: 'denied' }, isBusy: false });
    core.answer('accounts.finishMastodon', refused('expired'));
    await vi.waitFor(() => expect(store().step).toEqual({ kind: 'mastodon' }));
    expect(store().failure).toMatchObject({ reason: 'expired' });
    expect(failureText(french.t, store().failure ?? { code: 'internal', message: '' })).toBe(fr.accounts.refusal.expired);
  });

  it('closing the dialog while it waits cancels the sign-in', async () => {
    const core = coreAnsweringByHand();
    const starting = store().startMastodon('social.example');
    core.answer('accounts.startMastodon', ok(pending));
    await starting;
    useOverlayStore.getState().dismiss();
    expect(core.answer('accounts.cancelSignIn', ok(null))).toEqual({ signInId: 'sign-1' });
    expect(store().step).toEqual({ kind: 'choose' });
  });

  const youtubeApp = { platform: 'youtube', clientId: 'client-1', hasSecret: true, redirectUri: 'http://127.0.0.1/pieuvre/youtube/callback' } as const;
  const oauthPending = { signInId: 'oauth-1', platform: 'youtube', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?client_id=client-1', redirectUri: 'http://127.0.0.1:53682/pieuvre/youtube/callback', expiresAt: 1_800_000_000_000 } as const;

  /** The YouTube setup filled in and sent: the app saved (an empty secret keeps the stored one), the sign-in started, the browser opened. */
  async function signInWithYouTube(core: ReturnType<typeof coreAnsweringByHand>) {
    store().choose({ kind: 'app', platform: 'youtube' });
    const signingIn = store().signInWithApp('youtube', { clientId: 'client-1', clientSecret: '' });
    expect(core.answer('accounts.setPlatformApp', ok(youtubeApp))).toEqual({ platform: 'youtube', clientId: 'client-1' });
    await vi.waitFor(() => expect(core.answer('accounts.startOAuth', ok(oauthPending))).toEqual({ platform: 'youtube' }));
    await signingIn;
    expect(open).toHaveBeenCalledWith(oauthPending.authorizeUrl, '_blank', 'noopener,noreferrer');
    expect(store().step).toEqual({ kind: 'oauthWaiting', pending: oauthPending });
  }

  it('a wave-2 platform: an address pasted finishes the sign-in, and the browser’s wait the core then ends says nothing', async () => {
    const core = coreAnsweringByHand();
    await signInWithYouTube(core);
    const pasting = store().submitOAuthCode('http://127.0.0.1:53682/pieuvre/youtube/callback?code=4%2F0Ab&state=s');
    // The browser's wait ends first, as the core closes its listener: the dialog keeps waiting for the pasted one.
    core.answer('accounts.finishOAuth', refused('denied'));
    await everyAnswerTaken();
    expect(store()).toMatchObject({ step: { kind: 'oauthWaiting' }, failure: null });
    expect(core.answer('accounts.finishOAuth', ok([account('@one', 'youtube'), account('@two', 'youtube')]))).toEqual({ signInId: 'oauth-1', code: 'http://127.0.0.1:53682/pieuvre/youtube/callback?code=4%2F0Ab&state=s' });
    await vi.waitFor(() => core.answer('accounts.list', ok([])));
    core.answer('accounts.settings', ok({ backfillDays: 7 }));
    await pasting;
    expect(useOverlayStore.getState().open).toBeNull();
    expect(useToastStore.getState().toasts.map((toast) => toast.text)).toEqual([i18next.t('accounts.connect.oauth.done', { handle: '@one', count: 1 })]);
  });

  it('a wave-2 platform: a failed wait goes back to the app’s setup, saying why; cancel does too and forgets the sign-in', async () => {
    const core = coreAnsweringByHand();
    await signInWithYouTube(core);
    core.answer('accounts.finishOAuth', refused('denied'));
    await vi.waitFor(() => expect(store().step).toEqual({ kind: 'app', platform: 'youtube' }));
    expect(store().failure).toMatchObject({ reason: 'denied' });

    await signInWithYouTube(core);
    store().cancelSignIn();
    expect(core.answer('accounts.cancelSignIn', ok(null))).toEqual({ signInId: 'oauth-1' });
    expect(store()).toMatchObject({ step: { kind: 'app', platform: 'youtube' }, failure: null });
  });
});
