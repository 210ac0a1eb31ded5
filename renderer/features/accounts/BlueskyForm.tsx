import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectStore } from './connectStore';

/**
 * Handle (or DID) and app password; a self-hosted PDS under Advanced. The password lives in this
 * form only, and goes to the core with the one call that needs it.
 */
export function BlueskyForm() {
  const { t } = useTranslation();
  const prefill = useConnectStore((s) => s.prefill);
  const isBusy = useConnectStore((s) => s.isBusy);
  const [identifier, setIdentifier] = useState(prefill.identifier);
  const [appPassword, setAppPassword] = useState('');
  const [server, setServer] = useState(prefill.server);
  const submit = () => {
    if (!identifier.trim() || !appPassword || isBusy) return;
    void useConnectStore.getState().connectBluesky({ identifier: identifier.trim(), appPassword, server });
  };
  return (
    <form className="connect-form" aria-busy={isBusy} onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <p className="muted">{t('accounts.connect.bluesky.help')}</p>
      <p className="muted">{t('accounts.connect.bluesky.dmHelp')}</p>
      <label htmlFor="bluesky-identifier">{t('accounts.connect.bluesky.identifier')}</label>
      <input
        id="bluesky-identifier"
        type="text"
        autoFocus
        autoComplete="username"
        spellCheck={false}
        placeholder={t('accounts.connect.bluesky.identifierHint')}
        value={identifier}
        onChange={(event) => setIdentifier(event.target.value)}
      />
      <label htmlFor="bluesky-app-password">{t('accounts.connect.bluesky.appPassword')}</label>
      <input id="bluesky-app-password" type="password" autoComplete="off" value={appPassword} onChange={(event) => setAppPassword(event.target.value)} />
      <details open={prefill.server !== ''}>
        <summary>{t('accounts.connect.bluesky.advanced')}</summary>
        <label htmlFor="bluesky-server">{t('accounts.connect.bluesky.server')}</label>
        <input id="bluesky-server" type="text" spellCheck={false} placeholder="https://pds.example" value={server} onChange={(event) => setServer(event.target.value)} />
        <p className="muted">{t('accounts.connect.bluesky.serverHint')}</p>
      </details>
      <button type="submit" disabled={isBusy || !identifier.trim() || !appPassword}>
        {isBusy ? t('accounts.connect.bluesky.busy') : t('accounts.connect.bluesky.submit')}
      </button>
    </form>
  );
}
