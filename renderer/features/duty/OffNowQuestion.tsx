import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/i18n';
import { formatZonedDateTime } from './zonedTime';

/**
 * Asked before saving hours that end my shift at once: when the inbox would open again, on the
 * hours' own clock. Back has the focus: Enter by habit keeps me on duty.
 */
export function OffNowQuestion({ timeZone, nextOnAt, onConfirm, onBack }: { timeZone: string; nextOnAt: number | null; onConfirm: () => void; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const question = nextOnAt === null ? t('hours.offNowNever') : t('hours.offNow', { time: formatZonedDateTime(t, nextOnAt, timeZone, localeOf(i18n.language)) });
  return (
    <div className="hours-confirm" role="group" aria-labelledby={id}>
      <p id={id} role="alert">{question}</p>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onBack}>{t('hours.back')}</button>
        <button type="button" className="is-danger" onClick={onConfirm}>{t('hours.saveAndGoOff')}</button>
      </div>
    </div>
  );
}
