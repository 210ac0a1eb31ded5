import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHubStore } from './hubStore';
import { hubFailureText } from './hubTexts';

/** "Join with an invitation": the one string a teammate handed over. */
export function JoinHubForm() {
  const { t } = useTranslation();
  const [invitation, setInvitation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const submit = async () => {
    // Enabled while busy, as in CreateHubForm: a disabled button would drop the keyboard's focus.
    if (isBusy) return;
    if (!invitation.trim()) return setError(t('teamHub.required', { field: t('teamHub.join.invitation') }));
    setIsBusy(true);
    try {
      await useHubStore.getState().join(invitation.trim());
    } catch (failure) {
      setError(hubFailureText(t, failure));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <form className="settings-section hub-form" aria-busy={isBusy} aria-labelledby="hub-join-title" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h3 id="hub-join-title">{t('teamHub.join.title')}</h3>
      <label htmlFor="hub-invitation">{t('teamHub.join.invitation')}</label>
      <textarea
        id="hub-invitation"
        rows={3}
        value={invitation}
        spellCheck={false}
        aria-describedby="hub-invitation-hint"
        onChange={(event) => {
          setInvitation(event.target.value);
          setError(null);
        }}
      />
      <p id="hub-invitation-hint" className="muted">{t('teamHub.join.hint')}</p>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="dialog-actions">
        <button type="submit">{isBusy ? t('teamHub.join.busy') : t('teamHub.join.submit')}</button>
      </div>
    </form>
  );
}
