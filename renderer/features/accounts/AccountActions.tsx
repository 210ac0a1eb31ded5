import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../shared/api/accounts';
import { isOAuthPlatform } from '../../../shared/domain/platform';
import { useOverlayStore } from '../overlays/overlayStore';
import { useAccountsStore } from './accountsStore';
import { useConnectStore } from './connectStore';

/** The sync intervals offered, in minutes. */
const INTERVAL_MINUTES = [1, 5, 15, 60];
const MINUTE_MS = 60_000;

/** What can be done with a real account; its buttons wait while one of them runs. */
export function AccountActions({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const isBusy = useAccountsStore((s) => s.busyIds.includes(account.id));
  const store = useAccountsStore.getState();
  const isPaused = account.state === 'paused';
  // Every platform Pieuvre signs in to reconnects through its own form (the demo's never).
  const platform = account.platform === 'bluesky' || account.platform === 'mastodon' || isOAuthPlatform(account.platform) ? account.platform : null;
  const isDisconnected = account.state === 'disconnected';
  const canSync = !isPaused && account.state !== 'needs_reconnecting' && !isDisconnected;
  // An interval set another way (the command line, a default) still shows as itself.
  const minutes = INTERVAL_MINUTES.includes(account.syncIntervalMs / MINUTE_MS) ? INTERVAL_MINUTES : [...INTERVAL_MINUTES, account.syncIntervalMs / MINUTE_MS].sort((a, b) => a - b);
  return (
    <div className="account-actions" role="group" aria-label={t('accounts.actions.label', { handle: account.handle })}>
      <button type="button" disabled={isBusy || !canSync} onClick={() => void store.syncNow(account.id)}>{t('accounts.actions.syncNow')}</button>
      <button type="button" disabled={isBusy || isDisconnected} onClick={() => void (isPaused ? store.resume(account.id) : store.pause(account.id))}>
        {isPaused ? t('accounts.actions.resume') : t('accounts.actions.pause')}
      </button>
      <label className="account-interval">
        {t('accounts.actions.interval')}
        <select value={account.syncIntervalMs / MINUTE_MS} disabled={isBusy || isDisconnected} onChange={(event) => void store.setSyncInterval(account.id, Number(event.target.value) * MINUTE_MS)}>
          {minutes.map((count) => (
            <option key={count} value={count}>{t('accounts.actions.minutes', { count })}</option>
          ))}
        </select>
      </label>
      {platform ? (
        <button type="button" className={account.state === 'needs_reconnecting' ? 'is-primary' : undefined} disabled={isBusy} onClick={() => useConnectStore.getState().open({ platform, prefill: { identifier: account.handle, server: account.server ?? '' } })}>
          {t('accounts.actions.reconnect')}
        </button>
      ) : null}
      <button type="button" disabled={isBusy || isDisconnected} onClick={() => useOverlayStore.getState().show('disconnectAccount', [account.id])}>
        {t('accounts.actions.disconnect')}
      </button>
    </div>
  );
}
