import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_INVITATION_DAYS } from '../../../shared/api/hub';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { useHubStore } from './hubStore';
import { hubFailureText } from './hubTexts';

/** The creator's "Invite a teammate": makes the one-line invitation, shown with Copy and its expiry. */
export function InviteTeammate() {
  const { t, i18n } = useTranslation();
  const made = useHubStore((s) => s.invitation);
  const [name, setName] = useState('');
  const [days, setDays] = useState('7');
  const [error, setError] = useState<string | null>(null);
  const [copyNote, setCopyNote] = useState<string | null>(null);
  const submit = async () => {
    if (!name.trim()) return setError(t('teamHub.required', { field: t('teamHub.invite.name') }));
    // Checked here, the form not by the browser (noValidate): its bubble speaks the system's language, not the app's.
    const dayCount = Number(days);
    if (!days.trim() || !Number.isInteger(dayCount) || dayCount < 1 || dayCount > MAX_INVITATION_DAYS) return setError(t('teamHub.invite.badDays', { max: MAX_INVITATION_DAYS }));
    try {
      await useHubStore.getState().invite(name.trim(), dayCount);
      setName('');
      setCopyNote(null);
    } catch (failure) {
      setError(hubFailureText(t, failure));
    }
  };
  const copy = (invitation: string) =>
    void navigator.clipboard.writeText(invitation).then(
      () => setCopyNote(t('teamHub.invite.copied')),
      () => setCopyNote(t('teamHub.invite.copyFailed')),
    );
  return (
    <form className="settings-section hub-form" aria-labelledby="hub-invite-title" noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h3 id="hub-invite-title">{t('teamHub.invite.title')}</h3>
      <label htmlFor="hub-invite-name">{t('teamHub.invite.name')}</label>
      <input id="hub-invite-name" type="text" value={name} maxLength={80} onChange={(event) => { setName(event.target.value); setError(null); }} />
      <label htmlFor="hub-invite-days">{t('teamHub.invite.days')}</label>
      <input id="hub-invite-days" type="number" min={1} max={MAX_INVITATION_DAYS} value={days} onChange={(event) => { setDays(event.target.value); setError(null); }} />
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="dialog-actions">
        <button type="submit">{t('teamHub.invite.submit')}</button>
      </div>
      {made ? (
        <div className="hub-invitation">
          <p id="hub-invitation-made">{t('teamHub.invite.made', { name: made.name, date: formatDateTime(made.expiresAt, localeOf(i18n.language)) })}</p>
          <textarea readOnly rows={3} value={made.invitation} aria-labelledby="hub-invitation-made" onFocus={(event) => event.target.select()} />
          <button type="button" onClick={() => copy(made.invitation)}>{t('teamHub.invite.copy')}</button>
          {copyNote ? <p role="status">{copyNote}</p> : null}
        </div>
      ) : null}
    </form>
  );
}
