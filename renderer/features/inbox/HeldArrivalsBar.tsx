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
  if (count === 0) return null;
  return (
    <button type="button" className="held-arrivals" aria-keyshortcuts="k" title={t('list.heldHint')} onClick={() => void useInboxStore.getState().showNew()}>
      {t('list.held', { count })}
    </button>
  );
}
