import { useTranslation } from 'react-i18next';
import { CONVERSATION_KINDS, CONVERSATION_STATUSES } from '../../../shared/domain/entities';
import { PLATFORMS } from '../../../shared/domain/platform';
import { useInboxStore } from '../inbox/inboxStore';

const single = <T,>(value: T | T[] | undefined): T | undefined => (Array.isArray(value) ? value[0] : value);
/** The chosen option, if it is one of `values` ("" is "any"). */
const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined => values.find((candidate) => candidate === value);

/** The current view's filters as chips: each one a native select, so every filter is keyboard-operable. */
export function FilterChips() {
  const { t } = useTranslation();
  const filter = useInboxStore((s) => s.filter);
  const tags = useInboxStore((s) => s.tags);
  const setFilter = useInboxStore((s) => s.setFilter);
  const chip = (id: string, label: string, value: string | undefined, options: { value: string; label: string }[], onChange: (value: string | undefined) => void) => (
    <label className={`filter-chip${value ? ' is-active' : ''}`} htmlFor={id}>
      <span className="visually-hidden">{label}</span>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{label}</option>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </label>
  );
  return (
    <div className="filter-chips" role="group" aria-label={t('filters.label')}>
      {chip('filter-platform', t('filters.anyPlatform'), single(filter.platform), PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) })), (v) => void setFilter({ platform: oneOf(PLATFORMS, v) }))}
      {chip('filter-kind', t('filters.anyKind'), single(filter.kind), CONVERSATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })), (v) => void setFilter({ kind: oneOf(CONVERSATION_KINDS, v) }))}
      {chip('filter-status', t('filters.anyStatus'), single(filter.status), CONVERSATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })), (v) => void setFilter({ status: oneOf(CONVERSATION_STATUSES, v) }))}
      {chip('filter-tag', t('filters.anyTag'), filter.tag, tags.map((tag) => ({ value: tag.name, label: `#${tag.name}` })), (v) => void setFilter({ tag: v }))}
      <label className={`filter-chip${filter.unread ? ' is-active' : ''}`}>
        <input type="checkbox" checked={filter.unread === true} onChange={(event) => void setFilter({ unread: event.target.checked ? true : undefined })} />
        {t('filters.unreadOnly')}
      </label>
    </div>
  );
}
