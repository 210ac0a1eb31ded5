import { useTranslation } from 'react-i18next';
import { useInboxStore } from './inboxStore';

/**
 * "· 3 new — show", at the end of the list's summary line, after its count: what the list holds back so
 * that nothing moves under the person working in it. The line is there already, so appearing
 * moves no row, and it covers none; the line is a live region, so a screen reader hears it.
 */
export function HeldArrivalsButton() {
  const { t } = useTranslation();
  const count = useInboxStore((s) => s.heldIds.length);
  if (count === 0) return null;
  return (
    <>
      <span className="held-separator">{' · '}</span>
      <button type="button" className="held-arrivals" aria-keyshortcuts="k" title={t('list.heldHint')} onClick={() => void useInboxStore.getState().showNew()}>
        {t('list.held', { count })}
      </button>
    </>
  );
}
