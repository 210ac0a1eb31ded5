import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '../../../shared/api/team';
import { nextHandover, onCallAt, rotaSchema, WEEKDAYS, type OnCallRota } from '../../../shared/schedule';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { useNow } from '../../lib/useNow';
import { TimeZoneSelect } from '../duty/TimeZoneSelect';
import { displayName } from './teamStore';

const PREVIEW_WEEKS = 4;

/** Who takes the coming weeks, when the draft is a rota the core would accept. */
function upcomingTurns(rota: OnCallRota, now: number): { at: number; personId: string }[] {
  if (!rotaSchema.safeParse(rota).success || rota.personIds.length === 0) return [];
  const turns = [{ at: now, personId: onCallAt(rota, now) ?? '' }];
  for (let i = 1; i < PREVIEW_WEEKS; i++) {
    const at = nextHandover(rota, turns[i - 1]?.at ?? now);
    turns.push({ at, personId: onCallAt(rota, at) ?? '' });
  }
  return turns;
}

/** The weekly rota: people in turn order, the first hand-over's date, the hand-over's weekday and time, and its zone. */
export function RotaEditor({ rota, people, onChange }: { rota: OnCallRota; people: TeamMember[]; onChange: (rota: OnCallRota) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const nameOf = (personId: string) => {
    const person = people.find((candidate) => candidate.id === personId);
    return person ? displayName(person, t('team.you')) : personId;
  };
  const others = people.filter((person) => !rota.personIds.includes(person.id));
  const [toAdd, setToAdd] = useState('');
  const move = (index: number, by: -1 | 1) => {
    const ids = [...rota.personIds];
    const [moved] = ids.splice(index, 1);
    if (moved !== undefined) ids.splice(index + by, 0, moved);
    onChange({ ...rota, personIds: ids });
  };
  const locale = localeOf(i18n.language);
  const now = useNow();
  return (
    <fieldset className="rota">
      <legend>{t('team.onCall.rota')}</legend>
      <ol className="rota-members" aria-label={t('team.onCall.turnOrder')}>
        {rota.personIds.map((personId, index) => (
          <li key={personId}>
            <span className="team-name">{nameOf(personId)}</span>
            <button type="button" className="icon-button" disabled={index === 0} aria-label={t('team.onCall.moveUp', { name: nameOf(personId) })} onClick={() => move(index, -1)}>↑</button>
            <button type="button" className="icon-button" disabled={index === rota.personIds.length - 1} aria-label={t('team.onCall.moveDown', { name: nameOf(personId) })} onClick={() => move(index, 1)}>↓</button>
            <button type="button" className="icon-button" aria-label={t('team.onCall.removeFromRota', { name: nameOf(personId) })} onClick={() => onChange({ ...rota, personIds: rota.personIds.filter((other) => other !== personId) })}>×</button>
          </li>
        ))}
      </ol>
      {others.length > 0 ? (
        <div className="rota-add">
          <label htmlFor={`${id}-add`} className="visually-hidden">{t('team.onCall.personToAdd')}</label>
          <select id={`${id}-add`} value={toAdd} onChange={(event) => setToAdd(event.target.value)}>
            <option value="">{t('team.onCall.personToAdd')}</option>
            {others.map((person) => <option key={person.id} value={person.id}>{displayName(person, t('team.you'))}</option>)}
          </select>
          <button type="button" disabled={!toAdd} onClick={() => { onChange({ ...rota, personIds: [...rota.personIds, toAdd] }); setToAdd(''); }}>{t('team.onCall.addToRota')}</button>
        </div>
      ) : null}
      <div className="rota-timing">
        <label htmlFor={`${id}-start`}>{t('team.onCall.startsOn')}</label>
        <input id={`${id}-start`} type="date" required value={rota.startsOn} onChange={(event) => onChange({ ...rota, startsOn: event.target.value })} />
        <label htmlFor={`${id}-weekday`}>{t('team.onCall.handoverDay')}</label>
        <select id={`${id}-weekday`} value={rota.handover.weekday} onChange={(event) => onChange({ ...rota, handover: { ...rota.handover, weekday: event.target.value as OnCallRota['handover']['weekday'] } })}>
          {WEEKDAYS.map((day) => <option key={day} value={day}>{t(`hours.day.${day}`)}</option>)}
        </select>
        <label htmlFor={`${id}-time`}>{t('team.onCall.handoverTime')}</label>
        <input id={`${id}-time`} type="time" required value={rota.handover.time} onChange={(event) => onChange({ ...rota, handover: { ...rota.handover, time: event.target.value } })} />
        <label htmlFor={`${id}-zone`}>{t('hours.timeZone')}</label>
        <TimeZoneSelect id={`${id}-zone`} value={rota.timeZone} onChange={(timeZone) => onChange({ ...rota, timeZone })} />
      </div>
      <Upcoming turns={upcomingTurns(rota, now)} nameOf={nameOf} locale={locale} />
    </fieldset>
  );
}

function Upcoming({ turns, nameOf, locale }: { turns: { at: number; personId: string }[]; nameOf: (id: string) => string; locale: string }) {
  const { t } = useTranslation();
  if (turns.length === 0) return null;
  return (
    <div className="rota-upcoming">
      <h4>{t('team.onCall.upcoming')}</h4>
      <ul>
        {turns.map(({ at, personId }, index) => (
          <li key={at}>{index === 0 ? t('team.onCall.thisWeek', { name: nameOf(personId) }) : t('team.onCall.fromThen', { date: formatDateTime(at, locale), name: nameOf(personId) })}</li>
        ))}
      </ul>
    </div>
  );
}
