import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGN_NOTE_MAX } from '../../../shared/api/conversations';
import { triageTargets } from '../keyboard/runAction';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { Avatar } from '../team/Avatar';
import { displayName } from '../team/teamStore';
import { useListNavigation } from '../../lib/useListNavigation';
import { useAssignStore } from './assignStore';

type Choice = { id: string | null; label: string; avatar: { id: string; name: string; url: string | null } | null };

/**
 * `a`: assign the focused conversation, or the picked ones, to a person or to nobody. A listbox
 * (arrows, Home/End, typeahead, Enter) and an optional note the history keeps.
 */
export function AssignPicker() {
  const { t } = useTranslation();
  const targetIds = useOverlayStore((s) => s.targetIds);
  const people = useAssignStore((s) => s.people);
  const [note, setNote] = useState('');
  useEffect(() => {
    // Teammates may have come or gone since the start: ask again each time.
    void useAssignStore.getState().load();
  }, []);

  const choices: Choice[] = [
    ...people.map((person) => {
      const name = displayName(person, t('assign.you'));
      return { id: person.id, label: person.isMe && person.name ? t('assign.me', { name }) : name, avatar: { id: person.id, name, url: person.avatarUrl } };
    }),
    { id: null, label: t('assign.unassign'), avatar: null },
  ];
  const assign = (choice: Choice | undefined) => {
    if (!choice) return;
    useOverlayStore.getState().close();
    void triageTargets({ kind: 'assign', assigneeId: choice.id, ...(note.trim() ? { note: note.trim() } : {}) }, targetIds);
  };
  const list = useListNavigation({ count: choices.length, labels: choices.map((choice) => choice.label), idOf: (index) => `assign-option-${index}`, onChoose: (index) => assign(choices[index]) });

  const title = targetIds.length > 1 ? t('assign.titleBulk', { count: targetIds.length }) : t('assign.title');
  return (
    <Dialog title={title}>
      <ul id="assign-list" className="choice-list assign-choices" aria-label={t('assign.people')} {...list.listProps}>
        {choices.map((choice, index) => (
          <li key={choice.id ?? 'nobody'} {...list.optionProps(index)}>
            <span className="assign-choice">
              {choice.avatar ? <Avatar id={choice.avatar.id} name={choice.avatar.name} url={choice.avatar.url} /> : null}
              {choice.label}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted">{t('assign.hint')}</p>
      <form onSubmit={(event) => { event.preventDefault(); assign(choices[list.active]); }}>
        <label htmlFor="assign-note">{t('assign.note')}</label>
        <input id="assign-note" type="text" value={note} maxLength={ASSIGN_NOTE_MAX} autoComplete="off" onChange={(event) => setNote(event.target.value)} />
        <div className="dialog-actions">
          <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('assign.cancel')}</button>
          <button type="submit">{t('assign.confirm')}</button>
        </div>
      </form>
    </Dialog>
  );
}
