import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingOAuthSignIn } from '../../../shared/api/accounts';
import { localeOf } from '../../i18n/i18n';
import { formatClockTime } from '../../lib/formatTime';
import { useConnectStore } from './connectStore';

/**
 * While the person signs in with a wave-2 platform in their browser (as MastodonWaiting): when it
 * expires, the page again, the address the browser ended on pasted, or cancel.
 */
export function OAuthWaiting({ pending }: { pending: PendingOAuthSignIn }) {
  const { t, i18n } = useTranslation();
  const isBusy = useConnectStore((s) => s.isBusy);
  const [pasted, setPasted] = useState('');
  const submit = () => {
    if (!pasted.trim() || isBusy) return;
    void useConnectStore.getState().submitOAuthCode(pasted.trim());
  };
  return (
    <div className="connect-form">
      <p role="status" className="connect-waiting">{t('accounts.connect.oauth.waiting', { platform: t(`platform.${pending.platform}`) })}</p>
      <p className="muted">{t('accounts.connect.mastodon.expires', { time: formatClockTime(pending.expiresAt, localeOf(i18n.language)) })}</p>
      <a href={pending.authorizeUrl} target="_blank" rel="noopener noreferrer">{t('accounts.connect.oauth.openAgain')}</a>
      <form className="connect-code" onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <p className="muted">{t('accounts.connect.oauth.noReturn')}</p>
        <label htmlFor="oauth-code">{t('accounts.connect.oauth.code')}</label>
        <span className="connect-code-row">
          <input id="oauth-code" type="text" autoFocus autoComplete="off" spellCheck={false} value={pasted} onChange={(event) => setPasted(event.target.value)} />
          <button type="submit" disabled={isBusy || !pasted.trim()}>{t('accounts.connect.oauth.codeSubmit')}</button>
        </span>
      </form>
      <button type="button" className="connect-cancel" onClick={() => useConnectStore.getState().cancelSignIn()}>{t('accounts.connect.oauth.cancel')}</button>
    </div>
  );
}
