import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type Schedule } from '../../../shared/schedule';
import { localeOf } from '../../i18n/i18n';
import { DayField } from './DayField';
import { refusalOf, type Refusal } from './refusal';
import { DaysOffEditor } from './DaysOffEditor';
import { localTimeZone, scheduleOf, type ScheduleDraft } from './scheduleDraft';
import { TimeZoneSelect } from './TimeZoneSelect';
import { zoneName } from './zonedTime';

const NO_REFUSAL: Refusal = { days: {}, general: null };

/**
 * A weekly schedule, as people and accounts both have one: a time zone, ranges per weekday,
 * and spans of whole days off (a person's vacation, a brand's closing days).
 */
export function ScheduleEditor({ draft, onChange, daysOff, isSubmitted = false, refusal = NO_REFUSAL }: {
  draft: ScheduleDraft;
  onChange: (draft: ScheduleDraft) => void;
  daysOff: 'vacation' | 'closure';
  /** Saving was tried: every day's problem shows on its field. */
  isSubmitted?: boolean;
  refusal?: Refusal;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const locale = localeOf(i18n.language);
  const isElsewhere = draft.timeZone !== localTimeZone();
  return (
    <div className="hours-form">
      <label htmlFor={`${id}-zone`}>{t('hours.timeZone')}</label>
      <TimeZoneSelect id={`${id}-zone`} value={draft.timeZone} onChange={(timeZone) => onChange({ ...draft, timeZone })} />
      {isElsewhere ? <p className="muted zone-note">{t('hours.zoneElsewhere', { zone: zoneName(draft.timeZone, locale), computer: zoneName(localTimeZone(), locale) })}</p> : null}
      <p className="muted">{t('hours.rangesHelp')}</p>
      {WEEKDAYS.map((day) => (
        <DayField
          key={day}
          id={`${id}-${day}`}
          label={t(`hours.day.${day}`)}
          value={draft.week[day]}
          onChange={(text) => onChange({ ...draft, week: { ...draft.week, [day]: text } })}
          showsProblem={isSubmitted}
          refusal={refusal.days[day] ?? null}
        />
      ))}
      <DaysOffEditor spans={draft.daysOff} onChange={(spans) => onChange({ ...draft, daysOff: spans })} kind={daysOff} />
      {refusal.general !== null ? <p role="alert" className="form-error">{refusal.general}</p> : null}
    </div>
  );
}

/**
 * Checking hours in a form: `read` gives the schedule the draft says, or marks each wrong day on
 * its field (the first one focused) and gives null; `refuse` puts the core's refusal on the fields it names.
 */
export function useScheduleCheck() {
  const [isSubmitted, setIsSubmitted] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  const { t } = useTranslation();
  return {
    editorProps: { isSubmitted, refusal },
    read(draft: ScheduleDraft, form: HTMLFormElement | null): Schedule | null {
      setIsSubmitted(true);
      setRefusal(NO_REFUSAL);
      const result = scheduleOf(draft);
      if ('schedule' in result) return result.schedule;
      // The fields are marked on the next render; focus goes to the first one then.
      requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return null;
    },
    refuse: (failure: unknown) => setRefusal(refusalOf(t, failure)),
  };
}
