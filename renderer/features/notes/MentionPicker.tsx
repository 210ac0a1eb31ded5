import { useTranslation } from 'react-i18next';
import { Avatar } from '../team/Avatar';
import type { MentionPickerState } from './useMentionPicker';

export const MENTION_PICKER_ID = 'mention-picker';

/** The teammates the `@` being typed may name, each with whether they are on duty now. */
export function MentionPicker({ picker }: { picker: MentionPickerState }) {
  const { t } = useTranslation();
  if (!picker.isOpen) return null;
  return (
    <div className="template-picker mention-picker">
      <ul id={MENTION_PICKER_ID} role="listbox" aria-label={t('notes.mentionPicker')}>
        {picker.matches.map((person, index) => (
          // Keep the caret in the note box: a click picks, it does not move focus.
          <li key={person.id} {...picker.list.optionProps(index)} onMouseDown={(event) => event.preventDefault()}>
            <span className="assign-choice">
              <Avatar id={person.id} name={person.name} url={person.avatarUrl} />
              {person.name}
              <span className="muted">{person.isOnDuty ? t('handOff.onDuty') : t('handOff.offDuty')}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="template-picker-hint">{t('notes.mentionHint')}</p>
    </div>
  );
}
