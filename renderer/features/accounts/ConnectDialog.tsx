import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../shared/domain/platform';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { PlatformIcon } from '../sidebar/PlatformIcon';
import { BlueskyForm } from './BlueskyForm';
import { failureText } from './accountsFailure';
import { useConnectStore, type ConnectablePlatform } from './connectStore';
import { MastodonForm } from './MastodonForm';
import { MastodonWaiting } from './MastodonWaiting';

const CONNECTABLE: readonly ConnectablePlatform[] = ['bluesky', 'mastodon'];
// The ones that can be connected first, where the focus and the eye land.
const CHOICES = [...CONNECTABLE, ...PLATFORMS.filter((platform) => !CONNECTABLE.some((candidate) => candidate === platform))];

/** Connects an account: a platform, then its form (each step puts the focus on its first field). */
export function ConnectDialog() {
  const { t } = useTranslation();
  const step = useConnectStore((s) => s.step);
  const failure = useConnectStore((s) => s.failure);
  return (
    <Dialog title={t('accounts.connect.title')} className="connect-dialog">
      <div className="connect-step">
        {step.kind === 'choose' ? <PlatformChoice /> : null}
        {step.kind === 'bluesky' ? <BlueskyForm /> : null}
        {step.kind === 'mastodon' ? <MastodonForm /> : null}
        {step.kind === 'waiting' ? <MastodonWaiting server={step.server} pending={step.pending} /> : null}
      </div>
      {failure ? <p role="alert" className="form-error">{failureText(t, failure)}</p> : null}
      <div className="dialog-actions">
        {step.kind === 'bluesky' || step.kind === 'mastodon' ? (
          <button type="button" onClick={() => useConnectStore.getState().choose({ kind: 'choose' })}>{t('accounts.connect.back')}</button>
        ) : null}
        <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('accounts.connect.close')}</button>
      </div>
    </Dialog>
  );
}

function PlatformChoice() {
  const { t } = useTranslation();
  return (
    <fieldset className="connect-platforms">
      <legend>{t('accounts.connect.choose')}</legend>
      {CHOICES.map((platform) => {
        const connectable = CONNECTABLE.find((candidate) => candidate === platform);
        return (
          <button
            key={platform}
            type="button"
            className="connect-platform"
            autoFocus={platform === CHOICES[0]}
            disabled={!connectable}
            onClick={() => connectable && useConnectStore.getState().choose({ kind: connectable })}
          >
            <PlatformIcon platform={platform} />
            <span>{t(`platform.${platform}`)}</span>
            {connectable ? null : <span className="chip">{t('accounts.connect.soon')}</span>}
          </button>
        );
      })}
    </fieldset>
  );
}
