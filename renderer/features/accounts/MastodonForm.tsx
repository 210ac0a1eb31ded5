import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectStore } from './connectStore';

/** The server's address; the sign-in itself happens in the browser. */
export function MastodonForm() {
  const { t } = useTranslation();
  const prefill = useConnectStore((s) => s.prefill);
  const isBusy = useConnectStore((s) => s.isBusy);
  const [server, setServer] = useState(prefill.server);
  const submit = () => {
    if (!server.trim() || isBusy) return;
    void useConnectStore.getState().startMastodon(server.trim());
  };
  return (
    <form className="connect-form" aria-busy={isBusy} onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <p className="muted">{t('accounts.connect.mastodon.help')}</p>
      <label htmlFor="mastodon-server">{t('accounts.connect.mastodon.server')}</label>
      <input
        id="mastodon-server"
        type="text"
        autoFocus
        spellCheck={false}
        placeholder={t('accounts.connect.mastodon.serverHint')}
        value={server}
        onChange={(event) => setServer(event.target.value)}
      />
      <button type="submit" disabled={isBusy || !server.trim()}>
        {isBusy ? t('accounts.connect.mastodon.busy') : t('accounts.connect.mastodon.submit')}
      </button>
    </form>
  );
}
