import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../shared/api/accounts';
import { localeOf } from '../../i18n/i18n';
import { formatClockTime, formatRelative } from '../../lib/formatTime';
import { useNow } from '../../lib/useNow';
import { withdrawnText } from '../teamHub/hubTexts';

/** Where an account stands, in words and colour (the `data-state` in styles.css); its backfill as a bar. */
export function AccountStatus({ account }: { account: AccountView }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const words =
    account.state === 'rate_limited'
      ? account.resumesAt === null ? t('accounts.rateLimited') : t('accounts.state.rate_limited', { time: formatClockTime(account.resumesAt, locale) })
      : t(`accounts.state.${account.state}`);
  return (
    <div className="account-status">
      <span className="account-state" data-state={account.state}>{words}</span>
      {account.backfillProgress === null ? null : <Backfill progress={account.backfillProgress} locale={locale} />}
      <LastSync at={account.lastSyncAt} locale={locale} />
    </div>
  );
}

function Backfill({ progress, locale }: { progress: number; locale: string }) {
  const { t } = useTranslation();
  const percent = new Intl.NumberFormat(locale, { style: 'percent' }).format(progress);
  return (
    <span className="account-backfill">
      <progress aria-label={t('accounts.backfill')} value={progress} max={1} />
      <span className="muted">{`${t('accounts.backfill')} ${percent}`}</span>
    </span>
  );
}

function LastSync({ at, locale }: { at: number | null; locale: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const text = at === null ? t('accounts.neverSynced') : t('accounts.lastSync', { when: formatRelative(at, now, locale, t('accounts.justNow')) });
  return <span className="muted">{text}</span>;
}

/** The last problem in plain words with what to do, by its code; the core's message for the unexpected. */
export function AccountProblem({ account: { lastProblem, platform } }: { account: AccountView }) {
  const { t } = useTranslation();
  if (!lastProblem) return null;
  if (lastProblem.code === 'withdrawn') return <p className="account-problem" role="note">{t('accounts.problem.withdrawn', { where: withdrawnText(t, lastProblem.message) })}</p>;
  return <p className="account-problem" role="note">{t(`accounts.problem.${lastProblem.code}`, { message: lastProblem.message, platform: t(`platform.${platform}`) })}</p>;
}
