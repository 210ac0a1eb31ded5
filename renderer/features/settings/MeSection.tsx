import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNATURE_MAX } from '../../../shared/api/duty';
import { call } from '../../app/coreClient';
import { ReadFailed, useCoreRead } from '../../app/useCoreRead';
import { useToastStore } from '../toast/toastStore';

/** Settings → Me: my name (teammates see it; templates' me.first_name) and my signature (templates' me.signature). */
export function MeSection() {
  const { t } = useTranslation();
  const [fields, setFields] = useState<{ name: string; signature: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const me = useCoreRead('duty.me', {});
  useEffect(() => {
    if (me.value) setFields({ name: me.value.name, signature: me.value.signature });
  }, [me.value]);
  if (me.failure !== null) return <ReadFailed message={t('settings.me.loadFailed', { message: me.failure })} retryLabel={t('errors.retry')} onRetry={me.retry} />;
  if (!fields) return <section className="settings-section" aria-busy="true" />;

  const change = (change: Partial<typeof fields>) => {
    setFields({ ...fields, ...change });
    setError(null);
  };
  const save = async () => {
    if (!fields.name.trim()) return setError(t('settings.me.nameRequired'));
    try {
      const saved = await call('me.update', { name: fields.name, signature: fields.signature });
      setFields({ name: saved.name, signature: saved.signature });
      useToastStore.getState().show('info', t('settings.me.saved'));
    } catch (failure) {
      setError(t('settings.me.saveFailed', { message: (failure as Error).message }));
    }
  };
  return (
    <form className="settings-section" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <label htmlFor="me-name">{t('settings.me.name')}</label>
      <input id="me-name" type="text" value={fields.name} maxLength={80} autoComplete="name" aria-describedby="me-name-hint" onChange={(event) => change({ name: event.target.value })} />
      <p id="me-name-hint" className="muted">{t('settings.me.nameHint')}</p>
      <label htmlFor="me-signature">{t('settings.me.signature')}</label>
      <textarea id="me-signature" rows={3} value={fields.signature} maxLength={SIGNATURE_MAX} aria-describedby="me-signature-hint" onChange={(event) => change({ signature: event.target.value })} />
      <p id="me-signature-hint" className="muted">{t('settings.me.signatureHint')}</p>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="dialog-actions">
        <button type="submit">{t('settings.me.save')}</button>
      </div>
    </form>
  );
}
