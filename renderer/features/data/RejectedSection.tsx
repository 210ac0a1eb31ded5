import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RejectedItem } from '../../../shared/api/rejected';
import { localeOf } from '../../i18n/i18n';
import { formatBytes } from '../../lib/formatBytes';
import { formatDateTime } from '../../lib/formatTime';
import { groupByAccount, useRejectedStore } from './rejectedStore';

/** What the app could not read, per account, with why: the payload shows as plain text, never as markup. */
export function RejectedSection() {
  const { t } = useTranslation();
  const items = useRejectedStore((s) => s.items);
  const error = useRejectedStore((s) => s.error);
  const groups = useMemo(() => groupByAccount(items ?? []), [items]);
  useEffect(() => void useRejectedStore.getState().load(), []);
  if (error) return <p role="alert" className="data-error">{t('rejected.loadFailed', { message: error })}</p>;
  if (items === null) return <p className="muted" aria-busy="true">{t('rejected.loading')}</p>;
  return (
    <section className="settings-section" aria-labelledby="rejected-title">
      <h3 id="rejected-title">{t('rejected.title')}</h3>
      <p className="muted">{t('rejected.note')}</p>
      {groups.length === 0 ? <p>{t('rejected.none')}</p> : null}
      {groups.map((group) => (
        <section key={group.key} className="rejected-group" aria-label={group.account ? group.account.name : t('rejected.removedAccount')}>
          <h4>
            {group.account ? `${group.account.name} (${t(`platform.${group.account.platform}`)})` : t('rejected.removedAccount')}
            <span className="muted"> · {t('rejected.count', { count: group.items.length })}</span>
          </h4>
          <ul className="rejected-list">
            {group.items.map((item) => (
              <RejectedRow key={item.id} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function RejectedRow({ item }: { item: RejectedItem }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <li className="rejected-item">
      <p>{item.reason}</p>
      <p className="muted">
        {formatDateTime(item.rejectedAt, locale)} · {item.source} · {formatBytes(item.payloadSize, locale)}
        {item.isTruncated ? ` · ${t('rejected.truncated')}` : ''}
      </p>
      <pre className="rejected-payload" aria-label={t('rejected.payload')}>{item.payloadHead}</pre>
    </li>
  );
}
