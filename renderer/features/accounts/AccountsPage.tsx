import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../shared/api/accounts';
import { useOverlayStore } from '../overlays/overlayStore';
import { usePageStore } from '../pages/pageStore';
import { AccountRow } from './AccountRow';
import { failureText } from './accountsFailure';
import { useAccountsStore } from './accountsStore';
import { useConnectStore } from './connectStore';

/** The accounts, in place of the inbox: the real ones first, then the demo's in a group of their own. */
export function AccountsPage() {
  const { t } = useTranslation();
  const accounts = useAccountsStore((s) => s.accounts);
  const loadFailure = useAccountsStore((s) => s.loadFailure);
  const isLoaded = useAccountsStore((s) => s.isLoaded);
  const real = accounts.filter((account) => !account.isDemo);
  const demo = accounts.filter((account) => account.isDemo);
  return (
    <main className="page accounts-page" aria-labelledby="accounts-title">
      <header className="page-header">
        <div>
          <h1 id="accounts-title" tabIndex={-1} data-focus-after-dialog>{t('accounts.title')}</h1>
          <p className="muted">{t('accounts.about')}</p>
        </div>
        <div className="page-header-actions">
          <button type="submit" onClick={() => useConnectStore.getState().open()}>{t('accounts.connectButton')}</button>
          <button type="button" onClick={() => usePageStore.getState().back()}>{t('accounts.back')}</button>
        </div>
      </header>
      {loadFailure ? (
        <p role="alert" className="form-error">
          {t('accounts.loadFailed', { problem: failureText(t, loadFailure) })}{' '}
          <button type="button" onClick={() => void useAccountsStore.getState().load()}>{t('accounts.retry')}</button>
        </p>
      ) : null}
      {isLoaded ? null : <p className="muted" role="status">{t('accounts.loading')}</p>}
      <AccountGroup title={t('accounts.yours')} accounts={real}>
        {isLoaded && real.length === 0 ? <p className="muted">{t('accounts.none')}</p> : null}
      </AccountGroup>
      {demo.length > 0 ? (
        <AccountGroup title={t('accounts.demo.title')} accounts={demo}>
          <p className="muted">{t('accounts.demo.about')}</p>
          <button type="button" className="account-demo-remove" onClick={() => useOverlayStore.getState().show('removeDemo')}>{t('accounts.demo.remove')}</button>
        </AccountGroup>
      ) : null}
    </main>
  );
}

function AccountGroup({ title, accounts, children }: { title: string; accounts: AccountView[]; children: ReactNode }) {
  return (
    <section className="page-section" aria-label={title}>
      <h2>{title}</h2>
      {children}
      {accounts.length > 0 ? (
        <ul className="account-list">
          {accounts.map((account) => <AccountRow key={account.id} account={account} />)}
        </ul>
      ) : null}
    </section>
  );
}
