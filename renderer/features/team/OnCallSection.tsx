import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Temporal } from 'temporal-polyfill';
import { ON_CALL_MODES, type OnCallMode, type OnCallSetup, type TeamMember } from '../../../shared/api/team';
import type { OnCallRota } from '../../../shared/schedule';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { localTimeZone } from '../duty/scheduleDraft';
import { useToastStore } from '../toast/toastStore';
import { RotaEditor } from './RotaEditor';
import { displayName, useTeamStore } from './teamStore';

/**
 * A new rota: everyone in list order, handing over Mondays at 09:00 here, from this week's
 * Monday, so the first person in the list is the one on call now (a later start would give
 * the weeks before it to the last person).
 */
function newRota(people: TeamMember[]): OnCallRota {
  const today = Temporal.Now.plainDateISO(localTimeZone());
  return {
    personIds: people.map((person) => person.id),
    startsOn: today.subtract({ days: today.dayOfWeek - 1 }).toString(),
    handover: { weekday: 'mon', time: '09:00' },
    timeZone: localTimeZone(),
  };
}

/** Who receives urgent items when nobody is on duty: nobody, one person, or a weekly rota. */
export function OnCallSection() {
  const setup = useTeamStore((s) => s.onCall);
  const people = useTeamStore((s) => s.people);
  // Remounted on every saved change: the form starts from what the core holds.
  return setup ? <OnCallForm key={JSON.stringify(setup)} setup={setup} people={people} /> : null;
}

function OnCallForm({ setup, people }: { setup: OnCallSetup; people: TeamMember[] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<OnCallMode>(setup.mode);
  const [personId, setPersonId] = useState(setup.personId ?? people[0]?.id ?? '');
  const [rota, setRota] = useState(() => setup.rota ?? newRota(people));
  const [error, setError] = useState<string | null>(null);
  const nameOf = (personIdToName: string | null) => {
    const person = people.find((candidate) => candidate.id === personIdToName);
    return person ? displayName(person, t('team.you')) : null;
  };

  const save = async () => {
    if (mode === 'rota' && rota.personIds.length === 0) return setError(t('team.onCall.rotaEmpty'));
    try {
      await useTeamStore.getState().setOnCall(mode === 'none' ? { mode } : mode === 'fixed' ? { mode, personId } : { mode, rota });
      useToastStore.getState().show('info', t('team.onCall.saved'));
    } catch (failure) {
      setError(t('team.onCall.failed', { message: (failure as Error).message }));
    }
  };

  const now = nameOf(setup.onCallNow);
  return (
    <form className="hours-form" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <p className="muted">{t('team.onCall.help')}</p>
      <p className="on-call-now" role="status">
        {now ? t('team.onCall.now', { name: now }) : t('team.onCall.nobodyNow')}
        {setup.nextHandoverAt !== null ? ` · ${t('team.onCall.nextHandover', { date: formatDateTime(setup.nextHandoverAt, localeOf(i18n.language)) })}` : ''}
      </p>
      <fieldset className="choice-group">
        <legend>{t('team.onCall.mode')}</legend>
        {ON_CALL_MODES.map((choice) => (
          <label key={choice} className="checkbox">
            <input type="radio" name={`${id}-mode`} checked={mode === choice} onChange={() => setMode(choice)} /> {t(`team.onCall.modes.${choice}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'fixed' ? (
        <div className="hours-day">
          <label htmlFor={`${id}-person`}>{t('team.onCall.person')}</label>
          <select id={`${id}-person`} value={personId} onChange={(event) => setPersonId(event.target.value)}>
            {people.map((person) => <option key={person.id} value={person.id}>{displayName(person, t('team.you'))}</option>)}
          </select>
        </div>
      ) : null}
      {mode === 'rota' ? <RotaEditor rota={rota} people={people} onChange={setRota} /> : null}
      {error ? <p role="alert" className="form-error">{error}</p> : null}
      <div className="dialog-actions">
        <button type="submit">{t('team.onCall.save')}</button>
      </div>
    </form>
  );
}
