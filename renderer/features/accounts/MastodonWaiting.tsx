import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingSignIn } from '../../../shared/api/accounts';
import { localeOf } from '../../i18n/i18n';
import { formatClockTime } from '../../lib/formatTime';
import { useConnectStore } from './connectStore';

/** While the person signs in in their browser: when it expires, the page again, a pasted code, or cancel. */
export function MastodonWaiting({ server, pending }: { server: string; pending: PendingSignIn }) {
  const { t, i18n } = useTranslation();
  const isBusy = useConnectStore((s) => s.isBusy);
  const [code, setCode] = useState('');
  const submit = () => {
    if (!code.trim() || isBusy) return;
    void useConnectStore.getState().submitCode(code.trim());
  };
  return (
    <div className="connect-form">
      <p role="status" className="connect-waiting">{t('accounts.connect.mastodon.waiting', { server })}</p>
      <p className="muted">{t('accounts.connect.mastodon.expires', { time: formatClockTime(pending.expiresAt, localeOf(i18n.language)) })}</p>
      <a href={pending.authorizeUrl} target="_blank" rel="noopener noreferrer">{t('accounts.connect.mastodon.openAgain')}</a>
      <p className="muted">
        {t('accounts.connect.mastodon.noReturn')}{' '}
        <a href={pending.outOfBandUrl} target="_blank" rel="noopener noreferrer">{t('accounts.connect.mastodon.openCodePage')}</a>
      </p>
      <form className="connect-code" onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <label htmlFor="mastodon-code">{t('accounts.connect.mastodon.code')}</label>
        <span className="connect-code-row">
          <input id="mastodon-code" type="text" autoFocus autoComplete="off" spellCheck={false} value={code} onChange={(event) => setCode(event.target.value)} />
          <button type="submit" disabled={isBusy || !code.trim()}>{t('accounts.connect.mastodon.codeSubmit')}</button>
        </span>
      </form>
      <button type="button" className="connect-cancel" onClick={() => useConnectStore.getState().cancelSignIn()}>{t('accounts.connect.mastodon.cancel')}</button>
    </div>
  );
}
