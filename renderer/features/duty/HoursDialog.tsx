import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type Schedule, type Weekday } from '../../../shared/schedule';
import { call } from '../../app/coreClient';
import { parseRangesText, rangesToText } from '../../lib/rangesText';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { useToastStore } from '../toast/toastStore';
import { useDutyStore } from './dutyStore';

const ZONES = Intl.supportedValuesOf('timeZone');
const emptyWeek = (): Record<Weekday, string> => ({ mon: '', tue: '', wed: '', thu: '', fri: '', sat: '', sun: '' });

/** My hours: a time zone and ranges per weekday. The core validates; its message names what is wrong. */
export function HoursDialog() {
  const { t } = useTranslation();
  const [timeZone, setTimeZone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [week, setWeek] = useState(emptyWeek);
  const [existing, setExisting] = useState<Schedule | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [acceptsUrgent, setAcceptsUrgent] = useState(false);
  const [isOnCall, setIsOnCall] = useState(false);

  useEffect(() => {
    void call('duty.me', {}).then(({ schedule, acceptsUrgentOffDuty, isOnCall: onCall }) => {
      setAcceptsUrgent(acceptsUrgentOffDuty);
      setIsOnCall(onCall);
      if (!schedule) return;
      setExisting(schedule);
      setTimeZone(schedule.timeZone);
      setWeek(Object.fromEntries(WEEKDAYS.map((day) => [day, rangesToText(schedule.weekly[day])])) as Record<Weekday, string>);
    });
  }, []);

  const save = async (schedule: Schedule | null) => {
    try {
      await call('duty.setSchedule', { schedule });
      await call('duty.setPreferences', { acceptsUrgentOffDuty: acceptsUrgent, isOnCall });
      await useDutyStore.getState().load();
      useOverlayStore.getState().close();
      useToastStore.getState().show('info', t('hours.saved'));
    } catch (failure) {
      setError(t('hours.failed', { message: (failure as Error).message }));
    }
  };

  const submit = () => {
    const weekly = {} as Schedule['weekly'];
    for (const day of WEEKDAYS) {
      const ranges = parseRangesText(week[day]);
      if (ranges === null) return setError(t('hours.invalidRanges', { day: t(`hours.day.${day}`) }));
      weekly[day] = ranges;
    }
    void save({ timeZone, weekly, exceptions: existing?.exceptions ?? [] });
  };

  return (
    <Dialog title={t('hours.title')}>
      <form className="hours-form" onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <label htmlFor="hours-zone">{t('hours.timeZone')}</label>
        <select id="hours-zone" value={timeZone} onChange={(event) => setTimeZone(event.target.value)}>
          {ZONES.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
        </select>
        <p className="muted">{t('hours.rangesHelp')}</p>
        {WEEKDAYS.map((day) => (
          <div key={day} className="hours-day">
            <label htmlFor={`hours-${day}`}>{t(`hours.day.${day}`)}</label>
            <input id={`hours-${day}`} value={week[day]} placeholder="09:00-17:00" onChange={(event) => setWeek({ ...week, [day]: event.target.value })} />
          </div>
        ))}
        <label className="checkbox">
          <input type="checkbox" checked={acceptsUrgent} onChange={(event) => setAcceptsUrgent(event.target.checked)} /> {t('hours.acceptsUrgent')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={isOnCall} onChange={(event) => setIsOnCall(event.target.checked)} /> {t('hours.onCall')}
        </label>
        {error ? <p role="alert" className="form-error">{error}</p> : null}
        <div className="dialog-actions">
          <button type="button" onClick={() => void save(null)}>{t('hours.clear')}</button>
          <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('hours.cancel')}</button>
          <button type="submit">{t('hours.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
