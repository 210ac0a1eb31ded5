import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGN_NOTE_MAX } from '../../../shared/api/conversations';
import { triageTargets } from '../keyboard/runAction';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { Avatar } from '../team/Avatar';
import { displayName } from '../team/teamStore';
import { useAssignStore } from './assignStore';
import { typeaheadMatch } from './typeahead';

/** How long typed letters add up to one typeahead search (the WAI-ARIA pattern's usual half second). */
const TYPEAHEAD_MS = 500;

type Choice = { id: string | null; label: string; avatar: { id: string; name: string; url: string | null } | null };

/**
 * `a`: assign the focused conversation, or the picked ones, to a person or to nobody. A listbox
 * (arrows, Home/End, typeahead, Enter) and an optional note the history keeps.
 */
export function AssignPicker() {
  const { t } = useTranslation();
  const targetIds = useOverlayStore((s) => s.targetIds);
  const people = useAssignStore((s) => s.people);
  const [active, setActive] = useState(0);
  const [note, setNote] = useState('');
  const typed = useRef({ text: '', at: 0 });
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
  const current = choices[Math.min(active, choices.length - 1)];
  const assign = (choice: Choice | undefined) => {
    if (!choice) return;
    useOverlayStore.getState().close();
    void triageTargets({ kind: 'assign', assigneeId: choice.id, ...(note.trim() ? { note: note.trim() } : {}) }, targetIds);
  };
  const onListKeyDown = (event: KeyboardEvent) => {
    const last = choices.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(active + 1, last), ArrowUp: Math.max(active - 1, 0), Home: 0, End: last };
    if (event.key in moves) setActive(moves[event.key] ?? 0);
    else if (event.key === 'Enter') assign(current);
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const now = Date.now();
      typed.current = { text: (now - typed.current.at < TYPEAHEAD_MS ? typed.current.text : '') + event.key, at: now };
      const match = typeaheadMatch(choices.map((choice) => choice.label), typed.current.text, active);
      if (match !== null) setActive(match);
    } else return;
    event.preventDefault();
  };

  const title = targetIds.length > 1 ? t('assign.titleBulk', { count: targetIds.length }) : t('assign.title');
  return (
    <Dialog title={title}>
      <ul
        id="assign-list"
        role="listbox"
        tabIndex={0}
        className="choice-list assign-choices"
        aria-label={t('assign.people')}
        aria-activedescendant={current ? `assign-option-${active}` : undefined}
        onKeyDown={onListKeyDown}
      >
        {choices.map((choice, index) => (
          <li key={choice.id ?? 'nobody'} id={`assign-option-${index}`} role="option" aria-selected={index === active} className={index === active ? 'is-active' : ''} onClick={() => assign(choice)}>
            <span className="assign-choice">
              {choice.avatar ? <Avatar id={choice.avatar.id} name={choice.avatar.name} url={choice.avatar.url} /> : null}
              {choice.label}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted">{t('assign.hint')}</p>
      <form onSubmit={(event) => { event.preventDefault(); assign(current); }}>
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
