import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHubStore } from './hubStore';
import { hubFailureText } from './hubTexts';

const EMPTY = { url: '', workspaceName: '', myName: '', serverCa: '' };

/** "Create a team workspace on a PostgreSQL server": this desktop becomes its first member. */
export function CreateHubForm({ myName }: { myName: string }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState({ ...EMPTY, myName });
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const change = (change: Partial<typeof fields>) => {
    setFields({ ...fields, ...change });
    setError(null);
  };
  const submit = async () => {
    // The button stays enabled while busy (a disabled one drops the keyboard's focus to the page): a second press waits.
    if (isBusy) return;
    const blank = (['url', 'workspaceName', 'myName'] as const).find((name) => !fields[name].trim());
    if (blank) return setError(t('teamHub.required', { field: t(`teamHub.create.${blank}`) }));
    setIsBusy(true);
    try {
      const serverCa = fields.serverCa.trim();
      await useHubStore.getState().create({ url: fields.url.trim(), workspaceName: fields.workspaceName, myName: fields.myName, ...(serverCa ? { serverCa } : {}) });
    } catch (failure) {
      setError(hubFailureText(t, failure));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <form className="settings-section hub-form" aria-busy={isBusy} aria-labelledby="hub-create-title" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h3 id="hub-create-title" tabIndex={-1}>{t('teamHub.create.title')}</h3>
      <label htmlFor="hub-url">{t('teamHub.create.url')}</label>
      <input id="hub-url" type="text" value={fields.url} spellCheck={false} autoComplete="off" aria-describedby="hub-url-hint" onChange={(event) => change({ url: event.target.value })} />
      <p id="hub-url-hint" className="muted">{t('teamHub.create.urlHint')}</p>
      <label htmlFor="hub-workspace">{t('teamHub.create.workspaceName')}</label>
      <input id="hub-workspace" type="text" value={fields.workspaceName} maxLength={80} onChange={(event) => change({ workspaceName: event.target.value })} />
      <label htmlFor="hub-my-name">{t('teamHub.create.myName')}</label>
      <input id="hub-my-name" type="text" value={fields.myName} maxLength={80} autoComplete="name" onChange={(event) => change({ myName: event.target.value })} />
      <label htmlFor="hub-ca">{t('teamHub.create.ca')}</label>
      <textarea id="hub-ca" rows={3} value={fields.serverCa} spellCheck={false} aria-describedby="hub-ca-hint" onChange={(event) => change({ serverCa: event.target.value })} />
      <p id="hub-ca-hint" className="muted">{t('teamHub.create.caHint')}</p>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="dialog-actions">
        <button type="submit">{isBusy ? t('teamHub.create.busy') : t('teamHub.create.submit')}</button>
      </div>
    </form>
  );
}
