import { useTranslation } from 'react-i18next';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { useAccountsStore } from './accountsStore';

/**
 * Asks whether a disconnected account's conversations stay. Cancel comes first and has the
 * focus, so Enter alone changes nothing; Escape cancels (as every dialog).
 */
export function DisconnectDialog() {
  const { t } = useTranslation();
  const accountId = useOverlayStore((s) => s.targetIds[0]);
  const account = useAccountsStore((s) => s.accounts.find((candidate) => candidate.id === accountId));
  if (!account) return null;
  const disconnect = (keepHistory: boolean) => {
    useOverlayStore.getState().close();
    void useAccountsStore.getState().disconnect(account.id, keepHistory);
  };
  return (
    <Dialog title={t('accounts.disconnect.title', { handle: account.handle })}>
      <p>{t('accounts.disconnect.body')}</p>
      <div className="dialog-actions">
        <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('accounts.disconnect.cancel')}</button>
        <button type="button" onClick={() => disconnect(true)}>{t('accounts.disconnect.keep')}</button>
        <button type="button" className="is-destructive" onClick={() => disconnect(false)}>{t('accounts.disconnect.delete')}</button>
      </div>
    </Dialog>
  );
}
