import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/i18n';
import { useDutyStore } from './dutyStore';
import { formatZonedDateTime } from './zonedTime';

/** Instead of the inbox while off duty: when the next shift starts, who is on, and a way in that is noted. */
export function OffShiftScreen() {
  const { t, i18n } = useTranslation();
  const status = useDutyStore((s) => s.status);
  if (!status) return null;
  const locale = localeOf(i18n.language);
  return (
    <main className="off-shift" aria-labelledby="off-shift-title">
      <img src="./icon.svg" alt="" width={72} height={72} />
      <h1 id="off-shift-title">{t('duty.offTitle')}</h1>
      <p>{t('duty.offBody')}</p>
      <p className="off-shift-next">{status.nextOnAt !== null ? t('duty.nextOn', { date: formatZonedDateTime(t, status.nextOnAt, status.timeZone, locale) }) : t('duty.noNextShift')}</p>
      <p className="muted">{status.onDutyNow.length > 0 ? t('duty.onDutyNow', { names: status.onDutyNow.join(', ') }) : t('duty.nobodyOnDuty')}</p>
      <div className="off-shift-actions">
        <button type="button" onClick={() => void useDutyStore.getState().peek()}>{t('duty.peek')}</button>
        <button type="button" onClick={() => void useDutyStore.getState().override('working')}>{t('duty.workingNow')}</button>
      </div>
      <p className="muted">{t('duty.peekNote')}</p>
    </main>
  );
}

/** Over the inbox while peeking or working outside hours (the core says so only outside them): says so, and offers the way back. */
export function DutyBanner() {
  const { t, i18n } = useTranslation();
  const status = useDutyStore((s) => s.status);
  const peekId = useDutyStore((s) => s.peekId);
  if (peekId !== null) {
    return (
      <div className="duty-banner" role="status">
        {t('duty.peeking')} <button type="button" onClick={() => void useDutyStore.getState().endPeek()}>{t('duty.endPeek')}</button>
      </div>
    );
  }
  if (status?.override?.kind === 'working') {
    return (
      <div className="duty-banner" role="status">
        {t('duty.workingBanner', { time: formatZonedDateTime(t, status.override.endsAt, status.timeZone, localeOf(i18n.language)) })}{' '}
        <button type="button" onClick={() => void useDutyStore.getState().override('clear')}>{t('duty.backToSchedule')}</button>
      </div>
    );
  }
  return null;
}
