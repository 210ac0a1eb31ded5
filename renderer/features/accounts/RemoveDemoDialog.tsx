import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { useToastStore } from '../toast/toastStore';
import { failureOf, failureText, type AccountsFailure } from './accountsFailure';
import { useAccountsStore } from './accountsStore';

/** Asks before the demo goes for good; Cancel has the focus, Escape cancels. */
export function RemoveDemoDialog() {
  const { t } = useTranslation();
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AccountsFailure | null>(null);
  const remove = async () => {
    setBusy(true);
    try {
      await useAccountsStore.getState().removeDemo();
      useOverlayStore.getState().close();
      useToastStore.getState().show('info', t('accounts.demo.removed'));
    } catch (error) {
      setFailure(failureOf(error));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('accounts.demo.confirmTitle')}>
      <p>{t('accounts.demo.confirmBody')}</p>
      {failure ? <p role="alert" className="form-error">{t('accounts.demo.failed', { problem: failureText(t, failure) })}</p> : null}
      <div className="dialog-actions">
        <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('accounts.demo.cancel')}</button>
        <button type="button" className="is-destructive" disabled={isBusy} onClick={() => void remove()}>{t('accounts.demo.go')}</button>
      </div>
    </Dialog>
  );
}
