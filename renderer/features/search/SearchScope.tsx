import { useTranslation } from 'react-i18next';
import type { ViewFilter } from '../../../shared/api/views';
import { useInboxStore } from '../inbox/inboxStore';
import { useSearchStore } from './searchStore';

/** Under a search's count (a line of its own): which statuses it searched, and one click to widen or narrow it. */
export function SearchScope() {
  const { t } = useTranslation();
  const isSearching = useInboxStore((s) => s.filter.text !== undefined);
  const status = useInboxStore((s) => s.filter.status);
  const widenedFrom = useSearchStore((s) => s.widenedFrom);
  if (!isSearching) return null;
  const statusName = (value: NonNullable<ViewFilter['status']>) => (Array.isArray(value) ? value : [value]).map((one) => t(`status.${one}`)).join(', ');
  const [text, action, onClick] =
    status !== undefined
      ? [t('search.scopedTo', { status: statusName(status) }), t('search.widen'), () => void useSearchStore.getState().widen()]
      : widenedFrom !== null
        ? [t('search.allStatuses'), t('search.narrow', { status: statusName(widenedFrom) }), () => void useSearchStore.getState().narrow()]
        : [t('search.allStatuses'), null, null];
  return (
    <span className="search-scope">
      {text}
      {action !== null ? (
        <>
          {' — '}
          <button type="button" className="link-button" onClick={onClick}>{action}</button>
        </>
      ) : null}
    </span>
  );
}
