import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKFILL_DAYS } from '../../../shared/api/accounts';
import { useOverlayStore } from '../overlays/overlayStore';
import { failureOf, failureText, type AccountsFailure } from './accountsFailure';
import { useAccountsStore } from './accountsStore';

const DAY_CHOICES = [1, 3, 7, 14, 30, 60, 90].filter((days) => days >= BACKFILL_DAYS.min && days <= BACKFILL_DAYS.max);

/**
 * Settings' Accounts tab: the way to the Accounts page (where a person looking for "connect" in
 * Settings lands first), and how far back a newly connected account's first sync reads.
 */
export function AccountsSection() {
  const { t } = useTranslation();
  const days = useAccountsStore((s) => s.settings?.backfillDays ?? null);
  const [failure, setFailure] = useState<AccountsFailure | null>(null);
  const [loadFailure, setLoadFailure] = useState<AccountsFailure | null>(null);
  useEffect(() => void useAccountsStore.getState().loadSettings().catch((error: unknown) => setLoadFailure(failureOf(error))), []);
  // A value set another way (any from 1 to 90) still shows as itself.
  const choices = days === null || DAY_CHOICES.includes(days) ? DAY_CHOICES : [...DAY_CHOICES, days].sort((a, b) => a - b);
  const choose = (value: number) => {
    setFailure(null);
    useAccountsStore.getState().setBackfillDays(value).catch((error: unknown) => setFailure(failureOf(error)));
  };
  const openPage = () => {
    useOverlayStore.getState().close();
    void useAccountsStore.getState().open();
  };
  return (
    <section className="settings-section" aria-labelledby="accounts-settings-title">
      <div className="data-action">
        <p className="muted">{t('accounts.settings.pageAbout')}</p>
        <button type="button" onClick={openPage}>{t('accounts.settings.openPage')}</button>
      </div>
      <h3 id="accounts-settings-title">{t('accounts.settings.title')}</h3>
      <div className="data-action">
        <label htmlFor="accounts-backfill-days">{t('accounts.settings.backfill')}</label>
        <select id="accounts-backfill-days" value={days ?? BACKFILL_DAYS.default} disabled={days === null} onChange={(event) => choose(Number(event.target.value))}>
          {choices.map((choice) => (
            <option key={choice} value={choice}>{t('accounts.settings.days', { count: choice })}</option>
          ))}
        </select>
      </div>
      {loadFailure ? <p role="alert" className="form-error">{t('accounts.settings.loadFailed', { problem: failureText(t, loadFailure) })}</p> : null}
      {failure ? <p role="alert" className="form-error">{t('accounts.settings.saveFailed', { problem: failureText(t, failure) })}</p> : null}
    </section>
  );
}
