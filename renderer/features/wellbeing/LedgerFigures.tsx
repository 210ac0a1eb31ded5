import { useTranslation } from 'react-i18next';
import type { LedgerPeriod } from '../../../shared/api/wellbeing';
import { formatDuration } from './ledgerFormat';

type Figure = { key: 'onDuty' | 'offDuty' | 'peeks' | 'replies' | 'longest' | 'breaks' | 'hostile'; value(period: LedgerPeriod): string };

/** Today and this week side by side: what the page is for, before any chart. */
export function LedgerFigures({ today, thisWeek, locale, timeZone }: { today: LedgerPeriod; thisWeek: LedgerPeriod; locale: string; timeZone: string }) {
  const { t } = useTranslation();
  const duration = (ms: number) => formatDuration(ms, locale);
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);
  const figures: Figure[] = [
    { key: 'onDuty', value: (period) => duration(period.onDutyMs) },
    { key: 'offDuty', value: (period) => duration(period.offDutyMs) },
    { key: 'peeks', value: (period) => t('wellbeing.peeksValue', { count: count(period.peeks), duration: duration(period.peekMs) }) },
    { key: 'replies', value: (period) => count(period.offDutyReplies) },
    { key: 'longest', value: (period) => duration(period.longestSessionMs) },
    { key: 'breaks', value: (period) => count(period.breaks) },
    { key: 'hostile', value: (period) => count(period.hostileRevealed) },
  ];
  return (
    <section className="ledger-section" aria-labelledby="ledger-glance-title">
      <h2 id="ledger-glance-title">{t('wellbeing.atAGlance')}</h2>
      <table className="ledger-figures">
        <caption className="muted">{t('wellbeing.zone', { zone: timeZone })}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('wellbeing.today')}</th>
            <th scope="col">{t('wellbeing.thisWeek')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map(({ key, value }) => (
            <tr key={key} data-figure={key}>
              <th scope="row">{t(`wellbeing.figure.${key}`)}</th>
              <td>{value(today)}</td>
              <td>{value(thisWeek)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
