import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/i18n';
import { useDutyStore } from '../duty/dutyStore';
import { formatDuration } from './ledgerFormat';
import { mayShowBreakReminder } from './presence';
import { useWellbeingStore } from './wellbeingStore';

/**
 * The gentle break reminder: a card in a corner that blocks nothing and takes no focus; it is
 * announced politely. The core decides when it is due, and never while I am off duty.
 */
export function BreakReminder() {
  const { t, i18n } = useTranslation();
  const isBreakDue = useWellbeingStore((s) => s.isBreakDue);
  const isDue = useDutyStore((duty) => mayShowBreakReminder(isBreakDue, duty));
  const sessionMs = useWellbeingStore((s) => s.sessionMs);
  return (
    <section className="break-reminder" aria-live="polite" aria-labelledby={isDue ? 'break-reminder-title' : undefined}>
      {isDue ? (
        <>
          <h2 id="break-reminder-title">{t('wellbeing.reminder.title')}</h2>
          <p>{t('wellbeing.reminder.body', { duration: formatDuration(sessionMs, localeOf(i18n.language)) })}</p>
          <div className="break-reminder-actions">
            <button type="button" onClick={() => void useWellbeingStore.getState().snoozeReminder()}>{t('wellbeing.reminder.later')}</button>
            <button type="button" className="primary" onClick={() => void useWellbeingStore.getState().takeBreak('reminder')}>{t('wellbeing.reminder.takeBreak')}</button>
          </div>
        </>
      ) : null}
    </section>
  );
}
