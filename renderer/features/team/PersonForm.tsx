import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAvatarUrl, NEW_MESSAGE_NOTICES, type NotificationPreferences, type TeamMember } from '../../../shared/api/team';
import { draftOf, officeHoursDraft } from '../duty/scheduleDraft';
import { ScheduleEditor, useScheduleCheck } from '../duty/ScheduleEditor';
import { localeOf } from '../../i18n/i18n';
import { controlCharacterProblem } from '../../lib/controlCharacterProblem';
import { CoreError } from '../../app/coreClient';
import { useToastStore } from '../toast/toastStore';
import { Avatar } from './Avatar';
import { displayName, useTeamStore } from './teamStore';

const DEFAULT_NOTIFICATIONS: NotificationPreferences = { newMessages: 'all', urgent: true };

/** Adds a teammate (person null) or edits someone, me included. The core validates again and names the field. */
export function PersonForm({ person, onDone }: { person: TeamMember | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(person?.name ?? '');
  const [avatarUrl, setAvatarUrl] = useState(person?.avatarUrl ?? '');
  const [hasHours, setHasHours] = useState(person ? person.schedule !== null : true);
  const [draft, setDraft] = useState(() => (person?.schedule ? draftOf(person.schedule, localeOf(i18n.language)) : officeHoursDraft(localeOf(i18n.language))));
  const [acceptsUrgent, setAcceptsUrgent] = useState(person?.acceptsUrgentOffDuty ?? false);
  const [notifications, setNotifications] = useState(person?.notifications ?? DEFAULT_NOTIFICATIONS);
  const [error, setError] = useState<string | null>(null);
  const check = useScheduleCheck();

  const submit = async () => {
    const trimmedUrl = avatarUrl.trim();
    // I may keep my name blank; a teammate needs one.
    if (!name.trim() && !person?.isMe) return setError(t('team.person.nameRequired'));
    if (trimmedUrl && !isAvatarUrl(trimmedUrl)) return setError(t('team.person.avatarInvalid'));
    const nameProblem = controlCharacterProblem(t, t('team.person.name'), name.trim());
    if (nameProblem) return setError(nameProblem);
    const schedule = hasHours ? check.read(draft, form.current) : null;
    if (hasHours && !schedule) return setError(null);
    const fields = { ...(name.trim() ? { name } : {}), avatarUrl: trimmedUrl || null, schedule, acceptsUrgentOffDuty: acceptsUrgent, notifications };
    try {
      const saved = await useTeamStore.getState().save(person ? { id: person.id, ...fields } : { name, ...fields });
      useToastStore.getState().show('info', t('team.person.saved', { name: displayName(saved, t('team.you')) }));
      onDone();
    } catch (failure) {
      // Refused hours show on their fields, in the person's words; anything else on the form's line.
      const isAboutHours = failure instanceof CoreError && failure.issues.some((issue) => issue.path.startsWith('schedule'));
      if (isAboutHours) check.refuse(failure);
      setError(isAboutHours ? null : t('team.person.failed', { message: (failure as Error).message }));
    }
  };

  return (
    <form ref={form} className="hours-form person-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h3>{person ? t('team.person.editTitle', { name: displayName(person, t('team.you')) }) : t('team.person.newTitle')}</h3>
      <div className="person-identity">
        <Avatar id={person?.id ?? id} name={name || t('team.you')} url={isAvatarUrl(avatarUrl.trim()) ? avatarUrl.trim() : null} />
        <div className="hours-form">
          <label htmlFor={`${id}-name`}>{t('team.person.name')}</label>
          <input id={`${id}-name`} value={name} autoFocus maxLength={80} onChange={(event) => setName(event.target.value)} />
          <label htmlFor={`${id}-avatar`}>{t('team.person.avatarUrl')}</label>
          <input id={`${id}-avatar`} type="url" value={avatarUrl} placeholder="https://…" onChange={(event) => setAvatarUrl(event.target.value)} />
        </div>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={hasHours} onChange={(event) => setHasHours(event.target.checked)} /> {t('team.person.hasHours')}
      </label>
      {hasHours ? <ScheduleEditor draft={draft} onChange={setDraft} daysOff="vacation" {...check.editorProps} /> : <p className="muted">{t('team.person.noHours')}</p>}
      <label className="checkbox">
        <input type="checkbox" checked={acceptsUrgent} onChange={(event) => setAcceptsUrgent(event.target.checked)} /> {t('team.person.acceptsUrgent')}
      </label>
      <NotificationFields value={notifications} onChange={setNotifications} />
      {error ? <p role="alert" className="form-error">{error}</p> : null}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>{t('team.person.cancel')}</button>
        <button type="submit">{t('team.person.save')}</button>
      </div>
    </form>
  );
}

function NotificationFields({ value, onChange }: { value: NotificationPreferences; onChange: (value: NotificationPreferences) => void }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="choice-group">
      <legend>{t('team.person.notifications')}</legend>
      {NEW_MESSAGE_NOTICES.map((choice) => (
        <label key={choice} className="checkbox">
          <input type="radio" name={name} checked={value.newMessages === choice} onChange={() => onChange({ ...value, newMessages: choice })} /> {t(`team.person.newMessages.${choice}`)}
        </label>
      ))}
      <label className="checkbox">
        <input type="checkbox" checked={value.urgent} onChange={(event) => onChange({ ...value, urgent: event.target.checked })} /> {t('team.person.urgentNotifies')}
      </label>
    </fieldset>
  );
}
