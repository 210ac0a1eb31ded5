import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToastStore } from '../toast/toastStore';
import { useHubStore } from './hubStore';
import { hubFailureText } from './hubTexts';

/** "Leave the workspace", after a confirm saying the local copy stays. */
export function LeaveWorkspace({ workspaceName }: { workspaceName: string }) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const leave = async () => {
    try {
      await useHubStore.getState().leave();
      useToastStore.getState().show('info', t('teamHub.leave.done'));
    } catch (failure) {
      setIsConfirming(false);
      useToastStore.getState().show('error', hubFailureText(t, failure));
    }
  };
  return (
    <section className="settings-section">
      {isConfirming ? (
        <div role="group" aria-label={t('teamHub.leave.button')}>
          <p>{t('teamHub.leave.confirm', { name: workspaceName })}</p>
          <button type="button" className="is-danger" onClick={() => void leave()}>{t('teamHub.leave.yes')}</button>
          <button type="button" autoFocus onClick={() => setIsConfirming(false)}>{t('teamHub.leave.no')}</button>
        </div>
      ) : (
        <button type="button" onClick={() => setIsConfirming(true)}>{t('teamHub.leave.button')}</button>
      )}
    </section>
  );
}
