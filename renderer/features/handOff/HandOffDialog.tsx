import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGN_NOTE_MAX } from '../../../shared/api/conversations';
import { foldText } from '../../../shared/text/foldText';
import { useListNavigation } from '../../lib/useListNavigation';
import { useAssignStore } from '../assign/assignStore';
import { triageTargets } from '../keyboard/runAction';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { Avatar } from '../team/Avatar';
import { backTime, StandingText } from './StandingText';
import { teammateStandings } from './teammateStanding';

/**
 * "Hand off to…": a teammate (type to filter, arrows, Enter picks) and a note for them. The
 * note lands on the thread and, for them, on top of the conversation. Picking someone off duty
 * says until when, and offers whoever is on duty instead in one click.
 */
export function HandOffDialog() {
  const { t, i18n } = useTranslation();
  const targetIds = useOverlayStore((s) => s.targetIds);
  const people = useAssignStore((s) => s.people);
  const [query, setQuery] = useState('');
  const [note, setNote] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(null);
  useEffect(() => {
    void useAssignStore.getState().load();
  }, []);
  const standings = useMemo(() => teammateStandings(people, Date.now()), [people]);
  const shown = standings.filter(({ person }) => foldText(person.name).includes(foldText(query.trim())));
  const list = useListNavigation({ count: shown.length, hasTextField: true, idOf: (index) => `handoff-option-${index}`, onChoose: (index) => setChosenId(shown[index]?.person.id ?? null) });
  const chosen = standings.find(({ person }) => person.id === chosenId) ?? null;
  const chosenBack = chosen ? backTime(chosen, t, i18n.language) : null;
  const onDuty = standings.filter((standing) => standing.isOnDuty);

  const handOff = (assigneeId: string) => {
    useOverlayStore.getState().close();
    void triageTargets({ kind: 'assign', assigneeId, ...(note.trim() ? { note: note.trim() } : {}) }, targetIds);
  };

  if (standings.length === 0) {
    return (
      <Dialog title={t('handOff.title')}>
        <p>{t('handOff.noTeammates')}</p>
        <div className="dialog-actions">
          <button type="button" onClick={() => useOverlayStore.getState().show('team')}>{t('handOff.addTeammate')}</button>
          <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('handOff.cancel')}</button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog title={t('handOff.title')} className="handoff-dialog">
      <label htmlFor="handoff-filter">{t('handOff.find')}</label>
      <input
        id="handoff-filter"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls="handoff-list"
        aria-activedescendant={list.activeId}
        autoComplete="off"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => list.onKeyDown(event)}
      />
      <ul id="handoff-list" role="listbox" className="choice-list assign-choices" aria-label={t('handOff.people')}>
        {shown.map((standing, index) => (
          <li key={standing.person.id} {...list.optionProps(index, standing.person.id === chosenId ? 'is-chosen' : undefined)} aria-selected={standing.person.id === chosenId}>
            <span className="assign-choice">
              <Avatar id={standing.person.id} name={standing.person.name} url={standing.person.avatarUrl} />
              {standing.person.name}
              <StandingText standing={standing} />
            </span>
          </li>
        ))}
      </ul>
      {shown.length === 0 ? <p className="muted">{t('handOff.noMatch', { query })}</p> : null}
      {chosen && !chosen.isOnDuty ? (
        <div className="handoff-off-duty" role="status">
          <p>{chosenBack === null ? t('handOff.isOffNoReturn', { name: chosen.person.name }) : t('handOff.isOff', { name: chosen.person.name, time: chosenBack })}</p>
          {onDuty.length > 0 ? (
            <p className="handoff-suggestions">
              {onDuty.slice(0, 3).map(({ person }) => (
                <button key={person.id} type="button" onClick={() => handOff(person.id)}>{t('handOff.giveInstead', { name: person.name })}</button>
              ))}
            </p>
          ) : (
            <p className="muted">{t('handOff.nobodyOn')}</p>
          )}
        </div>
      ) : null}
      <form onSubmit={(event) => { event.preventDefault(); if (chosen) handOff(chosen.person.id); }}>
        <label htmlFor="handoff-note">{t('handOff.note')}</label>
        <textarea
          id="handoff-note"
          rows={3}
          value={note}
          maxLength={ASSIGN_NOTE_MAX}
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => {
            // Enter is a new line in the note; Ctrl+Enter hands off, as it sends in the composer.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && chosen) {
              event.preventDefault();
              handOff(chosen.person.id);
            }
          }}
        />
        <p className="muted">{t('handOff.hint')}</p>
        <div className="dialog-actions">
          <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('handOff.cancel')}</button>
          <button type="submit" className="primary" disabled={!chosen}>
            {chosen ? t('handOff.confirm', { name: chosen.person.name }) : t('handOff.pickFirst')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
