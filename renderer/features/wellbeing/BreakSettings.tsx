import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/i18n';
import { formatDuration } from './ledgerFormat';
import { useWellbeingStore } from './wellbeingStore';

const CHOICES = [0, 30, 45, 60, 90, 120, 150, 180];

/** The break reminder's setting (kept in the core's database), and a break whenever I want one. */
export function BreakSettings() {
  const { t, i18n } = useTranslation();
  const minutes = useWellbeingStore((s) => s.breakReminderMinutes);
  const locale = localeOf(i18n.language);
  // A value set elsewhere (the API allows any from 15 minutes) still shows as itself.
  const choices = minutes === null || CHOICES.includes(minutes) ? CHOICES : [...CHOICES, minutes].sort((a, b) => a - b);
  return (
    <section className="ledger-section ledger-settings" aria-labelledby="break-settings-title">
      <h2 id="break-settings-title">{t('wellbeing.reminder.heading')}</h2>
      <div className="ledger-setting">
        <label htmlFor="break-reminder-minutes">{t('wellbeing.reminder.label')}</label>
        <select
          id="break-reminder-minutes"
          value={minutes ?? ''}
          disabled={minutes === null}
          onChange={(event) => void useWellbeingStore.getState().setBreakReminderMinutes(Number(event.target.value))}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>{choice === 0 ? t('wellbeing.reminder.never') : formatDuration(choice * 60_000, locale)}</option>
          ))}
        </select>
      </div>
      <p className="muted">{t('wellbeing.reminder.note')}</p>
      <button type="button" onClick={() => void useWellbeingStore.getState().takeBreak('ledger')}>{t('wellbeing.reminder.takeBreakNow')}</button>
    </section>
  );
}
