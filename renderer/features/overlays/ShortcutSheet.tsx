import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../keyboard/keymap';
import { Dialog } from './Dialog';
import { KeyCaps } from './KeyCaps';
import { useOverlayStore } from './overlayStore';

export function ShortcutSheet() {
  const { t } = useTranslation();
  return (
    <Dialog title={t('shortcuts.title')}>
      <dl className="shortcut-sheet">
        {SHORTCUTS.filter(({ keys }) => keys.length > 0).map(({ action, keys }) => (
          <div key={action}>
            <dt><KeyCaps keys={keys} /></dt>
            <dd>{t(`actions.${action}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('shortcuts.typingNote')}</p>
      <div className="dialog-actions">
        <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('shortcuts.close')}</button>
      </div>
    </Dialog>
  );
}
