import { useTranslation } from 'react-i18next';
import { useToastStore } from '../toast/toastStore';
import { useHubStore } from './hubStore';
import { hubFailureText } from './hubTexts';
import { useConfirmStep } from './useConfirmStep';

/** "Leave the workspace", after a confirm saying the local copy stays. */
export function LeaveWorkspace({ workspaceName }: { workspaceName: string }) {
  const { t } = useTranslation();
  const confirm = useConfirmStep();
  const leave = async () => {
    try {
      await useHubStore.getState().leave();
      useToastStore.getState().show('info', t('teamHub.leave.done'));
    } catch (failure) {
      confirm.cancel();
      useToastStore.getState().show('error', hubFailureText(t, failure));
    }
  };
  return (
    <section className="settings-section">
      {confirm.isConfirming ? (
        <div role="group" aria-label={t('teamHub.leave.button')} onKeyDown={confirm.onKeyDown}>
          <p>{t('teamHub.leave.confirm', { name: workspaceName })}</p>
          <button type="button" className="is-danger" onClick={() => void leave()}>{t('teamHub.leave.yes')}</button>
          <button type="button" autoFocus onClick={confirm.cancel}>{t('teamHub.leave.no')}</button>
        </div>
      ) : (
        <button ref={confirm.asker} type="button" onClick={confirm.ask}>{t('teamHub.leave.button')}</button>
      )}
    </section>
  );
}
