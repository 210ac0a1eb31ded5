import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectStore } from './connectStore';
import { isSecretKept, PLATFORM_APP_GUIDES } from './platformAppGuides';

/**
 * Reddit's script app for one's own account: the app's client id and secret, then the account's
 * username and password. The password lives in this form only until the one call that signs in,
 * and the core sends it to Reddit once and keeps it nowhere; the form says so, and that Reddit
 * gives this sign-in one hour.
 */
export function RedditScriptForm() {
  const { t } = useTranslation();
  const app = useConnectStore((s) => s.apps.find((candidate) => candidate.platform === 'reddit'));
  const isBusy = useConnectStore((s) => s.isBusy);
  const [clientId, setClientId] = useState(app?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const isKept = isSecretKept(app, clientId);
  const hasSecret = clientSecret.trim() !== '' || isKept;
  const isComplete = clientId.trim() !== '' && hasSecret && username.trim() !== '' && password !== '';
  const submit = () => {
    if (!isComplete || isBusy) return;
    void useConnectStore.getState().connectRedditScript({ clientId: clientId.trim(), clientSecret, username: username.trim(), password });
  };
  return (
    <form className="connect-form app-setup" aria-busy={isBusy} onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <p>{t('accounts.connect.reddit.scriptSteps')}</p>
      <p className="app-setup-links">
        <a href={PLATFORM_APP_GUIDES.reddit.createApp} target="_blank" rel="noopener noreferrer">{t('accounts.connect.platforms.reddit.links.createApp')}</a>
      </p>
      <label htmlFor="reddit-client-id">{t('accounts.connect.platforms.reddit.clientId')}</label>
      <input id="reddit-client-id" type="text" autoFocus autoComplete="off" spellCheck={false} value={clientId} onChange={(event) => setClientId(event.target.value)} />
      <label htmlFor="reddit-client-secret">{t('accounts.connect.reddit.secret')}</label>
      <input id="reddit-client-secret" type="password" autoComplete="off" value={clientSecret} onChange={(event) => setClientSecret(event.target.value)} aria-describedby={isKept ? 'reddit-secret-kept' : undefined} />
      {isKept ? <p id="reddit-secret-kept" className="muted">{t('accounts.connect.oauth.secretKept')}</p> : null}
      <label htmlFor="reddit-username">{t('accounts.connect.reddit.username')}</label>
      <input id="reddit-username" type="text" autoComplete="username" spellCheck={false} value={username} onChange={(event) => setUsername(event.target.value)} />
      <label htmlFor="reddit-password">{t('accounts.connect.reddit.password')}</label>
      <input id="reddit-password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} aria-describedby="reddit-password-note" />
      <p id="reddit-password-note" className="muted">{t('accounts.connect.reddit.passwordNote')}</p>
      <button type="submit" className="is-primary" disabled={isBusy || !isComplete}>
        {isBusy ? t('accounts.connect.reddit.busy') : t('accounts.connect.reddit.submit')}
      </button>
    </form>
  );
}
