import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountLimitsView, AccountView } from '../../../shared/api/accounts';
import { hasSpendBudget } from '../../../shared/domain/platform';
import { localeOf } from '../../i18n/i18n';
import { formatClockTime, formatDateTime } from '../../lib/formatTime';
import { useAccountsStore } from './accountsStore';

/** The most a budget may be, as the core takes it. */
const MAX_BUDGET_USD = 100_000;
/** A reset within this is said by its time alone (YouTube's midnight Pacific); later ones (X's month) with their date. */
const SAME_DAY_MS = 20 * 3_600_000;

/** " · resets at 3:00 a.m." or " · resets on Jan 1, 12:00 a.m." (French says "le" before a date, "à" before a time), nothing when the platform did not say. */
function resetWords(t: (key: string, values: Record<string, string>) => string, at: number | null, locale: string): string {
  if (at === null) return '';
  return at - Date.now() < SAME_DAY_MS
    ? ` · ${t('accounts.limits.resets', { time: formatClockTime(at, locale) })}`
    : ` · ${t('accounts.limits.resetsOn', { time: formatDateTime(at, locale) })}`;
}

/**
 * What the platform lets this account do: quota left today (YouTube) or spend this month against
 * the budget (X, with its control), the latest rate-limit answer, and what the platform keeps
 * from a desktop inbox, each as a sentence.
 */
export function AccountLimits({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const { limits } = account;
  const canBudget = !account.isDemo && hasSpendBudget(account.platform);
  if (!limits && !canBudget) return null;
  return (
    <div className="account-limits" role="group" aria-label={t('accounts.limits.label')}>
      {limits?.budget ? <Budget budget={limits.budget} /> : null}
      {limits?.rateLimit ? <RateLimit rateLimit={limits.rateLimit} /> : null}
      {canBudget ? <BudgetControl account={account} /> : null}
      {limits && limits.cannot.length > 0 ? (
        <ul className="account-cannot">
          {limits.cannot.map((code) => (
            <li key={code}>{t(`accounts.limits.cannot.${code}`)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Budget({ budget }: { budget: NonNullable<AccountLimitsView['budget']> }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const resets = resetWords(t, budget.resetsAt, locale);
  let words: string;
  if (budget.unit === 'quota_units') {
    const units = new Intl.NumberFormat(locale);
    words = budget.limit === null ? units.format(budget.used) : t('accounts.limits.quota', { left: units.format(Math.max(0, budget.limit - budget.used)), limit: units.format(budget.limit) });
  } else {
    const usd = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
    words = budget.limit === null ? t('accounts.limits.spentNoBudget', { spent: usd.format(budget.used) }) : t('accounts.limits.spent', { spent: usd.format(budget.used), budget: usd.format(budget.limit) });
  }
  return (
    <>
      <span className="account-budget">{`${words}${resets}`}</span>
      {budget.isSlowed ? <span className="account-slowed">{t('accounts.limits.slowed')}</span> : null}
    </>
  );
}

function RateLimit({ rateLimit }: { rateLimit: NonNullable<AccountLimitsView['rateLimit']> }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const count = new Intl.NumberFormat(locale);
  const words = rateLimit.remaining === null || rateLimit.limit === null ? t('accounts.limits.rateLimitUnknown') : t('accounts.limits.rateLimit', { remaining: count.format(rateLimit.remaining), limit: count.format(rateLimit.limit) });
  const resets = resetWords(t, rateLimit.resetsAt, locale);
  return <span className="muted">{`${words}${resets}`}</span>;
}

/** An amount in dollars as people write it (12.50 or 12,50); null when it is not one the core takes. */
function parseUsd(text: string): number | null {
  const value = Number(text.trim().replace(/\s/gu, '').replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= MAX_BUDGET_USD ? value : null;
}

/** Sets or lifts the account's monthly budget; a wrong amount is said next to the field. */
function BudgetControl({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const isBusy = useAccountsStore((s) => s.busyIds.includes(account.id));
  const [text, setText] = useState(account.limits?.budget?.limit?.toString() ?? '');
  const [isInvalid, setIsInvalid] = useState(false);
  const fieldId = `budget-${account.id}`;
  const submit = () => {
    const usd = parseUsd(text);
    setIsInvalid(usd === null);
    if (usd !== null) void useAccountsStore.getState().setMonthlyBudget(account.id, usd);
  };
  return (
    <form className="account-budget-control" onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <label htmlFor={fieldId}>{t('accounts.limits.budget')}</label>
      <input id={fieldId} type="text" inputMode="decimal" size={8} value={text} aria-invalid={isInvalid} aria-describedby={isInvalid ? `${fieldId}-error` : undefined} onChange={(event) => setText(event.target.value)} />
      <button type="submit" disabled={isBusy}>{t('accounts.limits.setBudget')}</button>
      <button type="button" disabled={isBusy} onClick={() => { setText(''); setIsInvalid(false); void useAccountsStore.getState().setMonthlyBudget(account.id, null); }}>{t('accounts.limits.noBudget')}</button>
      {isInvalid ? <span id={`${fieldId}-error`} className="form-error">{t('accounts.limits.budgetInvalid')}</span> : null}
    </form>
  );
}
