import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type Schedule } from '../../../shared/schedule';
import { scheduleOf, type DaysOff, type ScheduleDraft } from './scheduleDraft';
import { TimeZoneSelect } from './TimeZoneSelect';

/**
 * A weekly schedule, as people and accounts both have one: a time zone, ranges per weekday,
 * and spans of whole days off (a person's vacation, a brand's closing days).
 */
export function ScheduleEditor({ draft, onChange, daysOff }: { draft: ScheduleDraft; onChange: (draft: ScheduleDraft) => void; daysOff: 'vacation' | 'closure' }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="hours-form">
      <label htmlFor={`${id}-zone`}>{t('hours.timeZone')}</label>
      <TimeZoneSelect id={`${id}-zone`} value={draft.timeZone} onChange={(timeZone) => onChange({ ...draft, timeZone })} />
      <p className="muted">{t('hours.rangesHelp')}</p>
      {WEEKDAYS.map((day) => (
        <div key={day} className="hours-day">
          <label htmlFor={`${id}-${day}`}>{t(`hours.day.${day}`)}</label>
          <input id={`${id}-${day}`} value={draft.week[day]} placeholder="09:00-17:00" onChange={(event) => onChange({ ...draft, week: { ...draft.week, [day]: event.target.value } })} />
        </div>
      ))}
      <DaysOffEditor spans={draft.daysOff} onChange={(spans) => onChange({ ...draft, daysOff: spans })} kind={daysOff} />
    </div>
  );
}

/** Reads a draft as a schedule, or says in the person's language which day is not written as ranges. */
export function useScheduleOfDraft(): (draft: ScheduleDraft) => { schedule: Schedule } | { error: string } {
  const { t } = useTranslation();
  return (draft) => {
    const result = scheduleOf(draft);
    return 'invalidDay' in result ? { error: t('hours.invalidRanges', { day: t(`hours.day.${result.invalidDay}`) }) } : result;
  };
}

/**
 * Saving hours from a form: the draft is checked first (its error named by day), then saved;
 * either failure lands in the form's error line, and `save` may be called with null (no hours).
 */
export function useScheduleSaver(save: (schedule: Schedule | null) => Promise<void>, setError: (message: string) => void) {
  const { t } = useTranslation();
  const scheduleOfDraft = useScheduleOfDraft();
  const saveOrSay = (schedule: Schedule | null) => {
    save(schedule).catch((failure: unknown) => setError(t('hours.failed', { message: (failure as Error).message })));
  };
  return {
    submit(draft: ScheduleDraft) {
      const result = scheduleOfDraft(draft);
      if ('error' in result) return setError(result.error);
      saveOrSay(result.schedule);
    },
    clear: () => saveOrSay(null),
  };
}

const DAYS_OFF_KEYS = {
  vacation: { legend: 'hours.vacation', add: 'hours.addVacation', remove: 'hours.removeVacation' },
  closure: { legend: 'team.hours.closures', add: 'team.hours.addClosure', remove: 'team.hours.removeClosure' },
} as const;

function DaysOffEditor({ spans, onChange, kind }: { spans: DaysOff[]; onChange: (spans: DaysOff[]) => void; kind: 'vacation' | 'closure' }) {
  const { t } = useTranslation();
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const keys = DAYS_OFF_KEYS[kind];
  return (
    <fieldset className="vacation">
      <legend>{t(keys.legend)}</legend>
      <label htmlFor={`${id}-from`}>{t('hours.vacationFrom')}</label>
      <input id={`${id}-from`} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
      <label htmlFor={`${id}-to`}>{t('hours.vacationTo')}</label>
      <input id={`${id}-to`} type="date" value={to} min={from} onChange={(event) => setTo(event.target.value)} />
      <button
        type="button"
        disabled={!from || !to || to < from}
        onClick={() => {
          onChange([...spans, { from, to, ranges: [] }]);
          setFrom('');
          setTo('');
        }}
      >
        {t(keys.add)}
      </button>
      <ul className="vacation-list">
        {spans.map((span) => (
          <li key={`${span.from}-${span.to}`}>
            {span.from} – {span.to}
            <button type="button" className="icon-button" aria-label={t(keys.remove, span)} onClick={() => onChange(spans.filter((other) => other !== span))}>×</button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
