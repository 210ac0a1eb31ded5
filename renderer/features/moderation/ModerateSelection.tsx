import { useTranslation } from 'react-i18next';
import { useInboxStore } from '../inbox/inboxStore';
import { useOverlayStore } from '../overlays/overlayStore';

/** With conversations checked (x), the way to moderate them all without the keyboard. */
export function ModerateSelection() {
  const { t } = useTranslation();
  const hasChecked = useInboxStore((s) => s.checkedIds.length > 0);
  if (!hasChecked) return null;
  return (
    <div className="selection-actions">
      <button type="button" onClick={() => useOverlayStore.getState().show('moderate', useInboxStore.getState().checkedIds)}>
        {t('moderation.selectionButton')}
      </button>
    </div>
  );
}
