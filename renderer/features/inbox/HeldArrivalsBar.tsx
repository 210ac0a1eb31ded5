import { useTranslation } from 'react-i18next';
import { useInboxStore } from './inboxStore';

/**
 * "3 new — show": conversations that arrived above the selected row while the person works,
 * held back so the list does not move under them. It floats over the list's top edge, so
 * appearing does not push the rows down either.
 */
export function HeldArrivalsBar() {
  const { t } = useTranslation();
  const count = useInboxStore((s) => s.heldIds.length);
  // The live region is always there, so a screen reader hears the button when it appears.
  return (
    <div role="status">
      {count > 0 ? (
        <button type="button" className="held-arrivals" aria-keyshortcuts="k" title={t('list.heldHint')} onClick={() => void useInboxStore.getState().showNew()}>
          {t('list.held', { count })}
        </button>
      ) : null}
    </div>
  );
}
