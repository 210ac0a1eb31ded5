import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isOAuthPlatform, PLATFORMS, type Platform } from '../../../shared/domain/platform';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { PlatformIcon } from '../sidebar/PlatformIcon';
import { BlueskyForm } from './BlueskyForm';
import { failureText, type AccountsFailure } from './accountsFailure';
import { useConnectStore } from './connectStore';
import { MastodonForm } from './MastodonForm';
import { MastodonWaiting } from './MastodonWaiting';
import { OAuthWaiting } from './OAuthWaiting';
import { PlatformAppSetup } from './PlatformAppSetup';
import { RedditConnect } from './RedditConnect';

const SIGN_IN_PLATFORMS: readonly Platform[] = ['bluesky', 'mastodon'];

/** Connects an account: a platform, then its form (each step puts the focus on its first field). */
export function ConnectDialog() {
  const { t } = useTranslation();
  const step = useConnectStore((s) => s.step);
  const failure = useConnectStore((s) => s.failure);
  // The setup waits for the apps to be known, so that it opens filled with the stored client id.
  const hasApp = useConnectStore((s) => step.kind === 'app' && s.apps.some((app) => app.platform === step.platform));
  const isForm = step.kind === 'bluesky' || step.kind === 'mastodon' || step.kind === 'app';
  return (
    <Dialog title={t('accounts.connect.title')} className="connect-dialog">
      <div className="connect-step">
        {step.kind === 'choose' ? <PlatformChoice /> : null}
        {step.kind === 'bluesky' ? <BlueskyForm /> : null}
        {step.kind === 'mastodon' ? <MastodonForm /> : null}
        {step.kind === 'waiting' ? <MastodonWaiting server={step.server} pending={step.pending} /> : null}
        {step.kind === 'app' && hasApp ? step.platform === 'reddit' ? <RedditConnect /> : <PlatformAppSetup platform={step.platform} /> : null}
        {step.kind === 'oauthWaiting' ? <OAuthWaiting pending={step.pending} /> : null}
      </div>
      {failure ? <ConnectFailure failure={failure} /> : null}
      <div className="dialog-actions">
        {isForm ? (
          <button type="button" onClick={() => useConnectStore.getState().choose({ kind: 'choose' })}>{t('accounts.connect.back')}</button>
        ) : null}
        <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('accounts.connect.close')}</button>
      </div>
    </Dialog>
  );
}

/**
 * Why the last try failed, under the form. A wave-2 setup is taller than a small window and the
 * focus goes back to its first field: each new failure is scrolled into sight, or it goes unseen.
 */
function ConnectFailure({ failure }: { failure: AccountsFailure }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLParagraphElement>(null);
  // In braces: Chromium's scrollIntoView now returns a promise, which React would take for the cleanup.
  useEffect(() => {
    void ref.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);
  return <p ref={ref} role="alert" className="form-error">{failureText(t, failure)}</p>;
}

/** Every platform: the ones this build connects first (where the focus and the eye land), the others as coming soon. */
function PlatformChoice() {
  const { t } = useTranslation();
  const apps = useConnectStore((s) => s.apps);
  const connectable: readonly Platform[] = [...SIGN_IN_PLATFORMS, ...apps.map((app) => app.platform)];
  const choices = [...connectable, ...PLATFORMS.filter((platform) => !connectable.includes(platform))];
  const choose = (platform: Platform) => {
    if (platform === 'bluesky' || platform === 'mastodon') useConnectStore.getState().choose({ kind: platform });
    else if (isOAuthPlatform(platform)) useConnectStore.getState().choose({ kind: 'app', platform });
  };
  return (
    <fieldset className="connect-platforms">
      <legend>{t('accounts.connect.choose')}</legend>
      {choices.map((platform) => {
        const isConnectable = connectable.includes(platform);
        return (
          <button
            key={platform}
            type="button"
            className="connect-platform"
            autoFocus={platform === choices[0]}
            disabled={!isConnectable}
            onClick={() => choose(platform)}
          >
            <PlatformIcon platform={platform} />
            <span>{t(`platform.${platform}`)}</span>
            {isConnectable ? null : <span className="chip">{t('accounts.connect.soon')}</span>}
          </button>
        );
      })}
    </fieldset>
  );
}
