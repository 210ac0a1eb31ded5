import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../../shared/api/accounts';
import { coreAnsweringByHand } from '../../app/coreAnsweringByHand';
import { usePageStore } from '../pages/pageStore';
import { useAccountsStore } from './accountsStore';

const account = (id: string, change: Partial<AccountView> = {}): AccountView => ({
  id, platform: 'bluesky', externalId: `did:plc:${id}`, name: id, handle: `${id}.bsky.social`, isDemo: false, createdAt: 0,
  server: 'https://pds.example', state: 'connected', backfillProgress: null, resumesAt: null, lastSyncAt: null, lastProblem: null, syncIntervalMs: 60_000, limits: null,
  ...change,
});
const ok = (value: unknown) => ({ ok: true, value }) as const;
const unavailable = { ok: false, error: { code: 'unavailable', message: 'Connecting accounts is not available in this build yet.' } } as const;
const store = () => useAccountsStore.getState();

describe('the accounts store', () => {
  beforeEach(() => {
    useAccountsStore.setState({ accounts: [], isLoaded: false, settings: null, loadFailure: null, actionFailure: null, busyIds: [], isWelcomeShown: false });
    usePageStore.setState({ page: 'inbox' });
  });

  it('opening shows the page and lists the accounts; settings the core cannot give stay unknown', async () => {
    const core = coreAnsweringByHand();
    const opening = store().open();
    expect(usePageStore.getState().page).toBe('accounts');
    core.answer('accounts.list', ok([account('a'), account('demo', { isDemo: true })]));
    core.answer('accounts.settings', unavailable);
    await opening;
    expect(store().accounts.map((a) => a.id)).toEqual(['a', 'demo']);
    expect(store().isLoaded).toBe(true);
    expect(store().settings).toBeNull();
  });

  it('a list that cannot load is kept as a failure to show, with its code', async () => {
    const core = coreAnsweringByHand();
    const loading = store().load();
    core.answer('accounts.list', { ok: false, error: { code: 'internal', message: 'database locked' } });
    await loading;
    expect(store().loadFailure).toEqual({ code: 'internal', message: 'database locked' });
  });

  it('an action makes that account busy, then refetches the list; a refusal stays on that account', async () => {
    const core = coreAnsweringByHand();
    useAccountsStore.setState({ accounts: [account('a'), account('b')] });
    const pausing = store().pause('a');
    expect(store().busyIds).toEqual(['a']);
    expect(core.answer('accounts.pause', ok(account('a', { state: 'paused' })))).toEqual({ id: 'a' });
    await vi.waitFor(() => core.answer('accounts.list', ok([account('a', { state: 'paused' }), account('b')])));
    await pausing;
    expect(store().busyIds).toEqual([]);
    expect(store().accounts[0]?.state).toBe('paused');

    const syncing = store().syncNow('b');
    core.answer('accounts.syncNow', { ok: false, error: { code: 'conflict', message: 'paused', reason: 'paused' } });
    await vi.waitFor(() => core.answer('accounts.list', ok([account('a'), account('b')])));
    await syncing;
    expect(store().actionFailure).toEqual({ accountId: 'b', failure: { code: 'conflict', message: 'paused', reason: 'paused' } });
  });

  it('asks the core for what each action says: the interval in ms, whether to keep the history', async () => {
    const core = coreAnsweringByHand();
    const interval = store().setSyncInterval('a', 300_000);
    expect(core.answer('accounts.setSyncInterval', ok(account('a')))).toEqual({ id: 'a', ms: 300_000 });
    await vi.waitFor(() => core.answer('accounts.list', ok([account('a')])));
    await interval;
    const disconnecting = store().disconnect('a', false);
    expect(core.answer('accounts.disconnect', ok(null))).toEqual({ id: 'a', keepHistory: false });
    await vi.waitFor(() => core.answer('accounts.list', ok([])));
    await disconnecting;
    expect(store().accounts).toEqual([]);
  });

  it('removing the demo asks the core, then lists what is left', async () => {
    const core = coreAnsweringByHand();
    useAccountsStore.setState({ accounts: [account('a'), account('demo', { isDemo: true })] });
    const removing = store().removeDemo();
    core.answer('demo.remove', ok({ removedAccounts: 1 }));
    await vi.waitFor(() => core.answer('accounts.list', ok([account('a')])));
    await removing;
    expect(store().accounts.map((a) => a.id)).toEqual(['a']);
  });

  it('the welcome shows only when the core says so, never when it cannot say; dismissing it tells the core', async () => {
    const core = coreAnsweringByHand();
    const failing = store().loadWelcome();
    core.answer('accounts.welcome', unavailable);
    await failing;
    expect(store().isWelcomeShown).toBe(false);
    const loading = store().loadWelcome();
    core.answer('accounts.welcome', ok({ show: true }));
    await loading;
    expect(store().isWelcomeShown).toBe(true);
    const dismissing = store().dismissWelcome();
    expect(store().isWelcomeShown).toBe(false);
    core.answer('accounts.dismissWelcome', ok(null));
    await dismissing;
  });

  it('refreshes on events only while the page shows', async () => {
    const core = coreAnsweringByHand();
    await store().refresh();
    expect(core.requests).toEqual([]);
    usePageStore.setState({ page: 'accounts' });
    const refreshing = store().refresh();
    core.answer('accounts.list', ok([account('a')]));
    await refreshing;
    expect(store().accounts).toHaveLength(1);
  });
});
