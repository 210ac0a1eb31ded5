import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseRangesText } from '../../../shared/schedule';
import { localeOf } from '../../i18n/i18n';
import { rangesNoteText, rangesProblemText } from './rangesText';

/**
 * One weekday's ranges. Empty, it says "Off" beside the field (no placeholder that looks like a
 * saved value); typing a range works that day. What is wrong shows on the field itself.
 */
export function DayField({ id, label, value, onChange, showsProblem, refusal }: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The form was submitted: every problem shows (otherwise once the person leaves the field, not at the first keystroke). */
  showsProblem: boolean;
  /** Why the core refused this day, in the person's language. */
  refusal: string | null;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [hasLeft, setHasLeft] = useState(false);
  const reading = parseRangesText(value);
  const problem = 'problem' in reading && (showsProblem || hasLeft) ? rangesProblemText(t, reading.problem, locale) : refusal;
  const note = rangesNoteText(t, reading, locale);
  const isOff = value.trim() === '';
  const messageId = `${id}-message`;
  return (
    <div className="hours-day">
      <label htmlFor={id}>{label}</label>
      <div className="hours-day-field">
        <input
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => setHasLeft(true)}
          aria-invalid={problem !== null ? true : undefined}
          aria-describedby={problem !== null || note !== null || isOff ? messageId : undefined}
        />
        {isOff && problem === null ? <span id={messageId} className="day-off">{t('hours.off')}</span> : null}
        {problem !== null ? <p id={messageId} className="form-error field-message">{problem}</p> : null}
        {problem === null && note !== null ? <p id={messageId} className="muted field-message">{note}</p> : null}
      </div>
    </div>
  );
}
