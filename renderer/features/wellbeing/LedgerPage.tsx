import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/i18n';
import { usePageStore } from '../pages/pageStore';
import { BreakSettings } from './BreakSettings';
import { LedgerCharts } from './LedgerCharts';
import { LedgerFigures } from './LedgerFigures';
import { useWellbeingStore } from './wellbeingStore';

/**
 * My private wellbeing ledger, in place of the inbox. Loaded on demand (React.lazy in App) so
 * the charting library never weighs on the inbox's first paint.
 */
export function LedgerPage() {
  const { t, i18n } = useTranslation();
  const ledger = useWellbeingStore((s) => s.ledger);
  const error = useWellbeingStore((s) => s.ledgerError);
  const locale = localeOf(i18n.language);
  const today = ledger?.days.at(-1);
  const thisWeek = ledger?.weeks.at(-1);
  return (
    <main className="ledger" aria-labelledby="ledger-title">
      <header className="ledger-header">
        <div>
          <h1 id="ledger-title">{t('wellbeing.title')}</h1>
          <p className="muted">{t('wellbeing.private')}</p>
        </div>
        <button type="button" onClick={() => usePageStore.getState().back()}>{t('wellbeing.back')}</button>
      </header>
      {error ? <p role="alert" className="form-error">{t('wellbeing.failed', { message: error })}</p> : null}
      {ledger && today && thisWeek ? (
        <>
          <LedgerFigures today={today} thisWeek={thisWeek} locale={locale} timeZone={ledger.timeZone} />
          <LedgerCharts ledger={ledger} locale={locale} />
        </>
      ) : error ? null : (
        <p className="muted" role="status">{t('wellbeing.loading')}</p>
      )}
      <BreakSettings />
    </main>
  );
}
