import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DaysOff } from './scheduleDraft';

const DAYS_OFF_KEYS = {
  vacation: { legend: 'hours.vacation', add: 'hours.addVacation', remove: 'hours.removeVacation' },
  closure: { legend: 'team.hours.closures', add: 'team.hours.addClosure', remove: 'team.hours.removeClosure' },
} as const;

/** Spans of whole days off: a person’s vacations, or a brand’s closing days. */
export function DaysOffEditor({ spans, onChange, kind }: { spans: DaysOff[]; onChange: (spans: DaysOff[]) => void; kind: 'vacation' | 'closure' }) {
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
