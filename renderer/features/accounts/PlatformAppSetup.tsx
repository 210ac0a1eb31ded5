import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformAppView } from '../../../shared/api/accounts';
import type { OAuthPlatform } from '../../../shared/domain/platform';
import { useConnectStore } from './connectStore';
import { isSecretKept, PLATFORM_APP_GUIDES } from './platformAppGuides';

/**
 * A wave-2 platform's setup, in the order the person does it: create their own app on the
 * platform (links to its pages), register the redirect address shown (with Copy), paste the
 * app's client id (and secret where there is one), then sign in in the browser. The secret lives
 * in this form only until the one call that stores it; a stored one is never shown back.
 */
export function PlatformAppSetup({ platform }: { platform: OAuthPlatform }) {
  const { t } = useTranslation();
  const app = useConnectStore((s) => s.apps.find((candidate) => candidate.platform === platform));
  const isBusy = useConnectStore((s) => s.isBusy);
  const [clientId, setClientId] = useState(app?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const guide = PLATFORM_APP_GUIDES[platform];
  const name = t(`platform.${platform}`);
  const submit = () => {
    if (!clientId.trim() || isBusy) return;
    void useConnectStore.getState().signInWithApp(platform, { clientId: clientId.trim(), clientSecret });
  };
  return (
    <form className="connect-form app-setup" aria-busy={isBusy} onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <p className="muted">{t('accounts.connect.oauth.intro', { platform: name })}</p>
      <h3>{t('accounts.connect.oauth.create')}</h3>
      <p>{t(`accounts.connect.platforms.${platform}.steps`)}</p>
      <p className="app-setup-links">
        <a href={guide.createApp} target="_blank" rel="noopener noreferrer">{t(`accounts.connect.platforms.${platform}.links.createApp`)}</a>
        <a href={guide.guide} target="_blank" rel="noopener noreferrer">{t(`accounts.connect.platforms.${platform}.links.guide`)}</a>
      </p>
      {guide.registersRedirect ? (
        <>
          <h3>{t('accounts.connect.oauth.register')}</h3>
          {app ? <RedirectAddress app={app} /> : null}
        </>
      ) : (
        <h3>{t('accounts.connect.oauth.nothingToRegister')}</h3>
      )}
      <h3>{t('accounts.connect.oauth.identifiers')}</h3>
      <label htmlFor="app-client-id">{t(`accounts.connect.platforms.${platform}.clientId`)}</label>
      <input id="app-client-id" type="text" autoFocus autoComplete="off" spellCheck={false} value={clientId} onChange={(event) => setClientId(event.target.value)} />
      {guide.hasSecret ? (
        <>
          <label htmlFor="app-client-secret">{t(`accounts.connect.platforms.${platform}.clientSecret`)}</label>
          <input id="app-client-secret" type="password" autoComplete="off" value={clientSecret} onChange={(event) => setClientSecret(event.target.value)} aria-describedby={isSecretKept(app, clientId) ? 'app-secret-kept' : undefined} />
          {isSecretKept(app, clientId) ? <p id="app-secret-kept" className="muted">{t('accounts.connect.oauth.secretKept')}</p> : null}
        </>
      ) : null}
      <button type="submit" className="is-primary" disabled={isBusy || !clientId.trim()}>
        {isBusy ? t('accounts.connect.oauth.busy') : t('accounts.connect.oauth.signIn', { platform: name })}
      </button>
    </form>
  );
}

/** The exact address to register on the platform, selectable, with a Copy button that says it copied. */
function RedirectAddress({ app }: { app: PlatformAppView }) {
  const { t } = useTranslation();
  const [isCopied, setIsCopied] = useState(false);
  const copy = () => void navigator.clipboard.writeText(app.redirectUri).then(() => setIsCopied(true), () => setIsCopied(false));
  return (
    <span className="connect-code-row">
      <input type="text" readOnly aria-label={t('accounts.connect.oauth.redirect')} value={app.redirectUri} onFocus={(event) => event.target.select()} />
      <button type="button" onClick={copy}>{isCopied ? t('accounts.connect.oauth.copied') : t('accounts.connect.oauth.copy')}</button>
    </span>
  );
}
