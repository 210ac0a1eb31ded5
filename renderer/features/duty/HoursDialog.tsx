import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type Schedule, type ScheduleException, type Weekday } from '../../../shared/schedule';
import { call } from '../../app/coreClient';
import { parseRangesText, rangesToText } from '../../lib/rangesText';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { useToastStore } from '../toast/toastStore';
import { useDutyStore } from './dutyStore';

const ZONES = Intl.supportedValuesOf('timeZone');

type VacationSpan = { from: string; to: string; ranges: [] };
/** A vacation is a span of whole days off: a dated range exception with no working ranges. */
const isVacation = (exception: ScheduleException): exception is VacationSpan => 'from' in exception && exception.ranges.length === 0;
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
  const [vacations, setVacations] = useState<VacationSpan[]>([]);
  const [vacationFrom, setVacationFrom] = useState('');
  const [vacationTo, setVacationTo] = useState('');

  useEffect(() => {
    void call('duty.me', {}).then(({ schedule, acceptsUrgentOffDuty, isOnCall: onCall }) => {
      setAcceptsUrgent(acceptsUrgentOffDuty);
      setIsOnCall(onCall);
      if (!schedule) return;
      setExisting(schedule);
      setVacations(schedule.exceptions.filter(isVacation));
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
    // Vacations are whole days off: exceptions with no ranges; other exceptions are kept as they were.
    const otherExceptions = (existing?.exceptions ?? []).filter((exception) => !isVacation(exception));
    void save({ timeZone, weekly, exceptions: [...otherExceptions, ...vacations] });
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
        <fieldset className="vacation">
          <legend>{t('hours.vacation')}</legend>
          <label htmlFor="vacation-from">{t('hours.vacationFrom')}</label>
          <input id="vacation-from" type="date" value={vacationFrom} onChange={(event) => setVacationFrom(event.target.value)} />
          <label htmlFor="vacation-to">{t('hours.vacationTo')}</label>
          <input id="vacation-to" type="date" value={vacationTo} min={vacationFrom} onChange={(event) => setVacationTo(event.target.value)} />
          <button
            type="button"
            disabled={!vacationFrom || !vacationTo || vacationTo < vacationFrom}
            onClick={() => {
              setVacations([...vacations, { from: vacationFrom, to: vacationTo, ranges: [] }]);
              setVacationFrom('');
              setVacationTo('');
            }}
          >
            {t('hours.addVacation')}
          </button>
          <ul className="vacation-list">
            {vacations.map((vacation) => (
              <li key={`${vacation.from}-${vacation.to}`}>
                {vacation.from} – {vacation.to}
                <button type="button" className="icon-button" aria-label={t('hours.removeVacation', vacation)} onClick={() => setVacations(vacations.filter((other) => other !== vacation))}>×</button>
              </li>
            ))}
          </ul>
        </fieldset>
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
