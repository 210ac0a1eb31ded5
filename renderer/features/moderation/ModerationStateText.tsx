import { useTranslation } from 'react-i18next';
import type { ModerationTarget, OutboxItem } from '../../../shared/api/outbox';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { isRetrying } from '../outbox/isRetrying';
import { useSecondsUntil } from '../outbox/useSecondsUntil';

/** A moderation item's state in its own words: "Hiding…", "Deleting in 8 seconds", "Hiding failed: …". */
export function ModerationStateText({ item, target }: { item: OutboxItem; target: ModerationTarget }) {
  const { t, i18n } = useTranslation();
  const secondsLeft = useSecondsUntil(item.notBefore);
  const time = (at: number | null) => (at === null ? '' : formatDateTime(at, localeOf(i18n.language)));
  const doing = t(`moderation.doing.${target.action}`);
  const error = item.lastError ?? '';
  switch (item.state) {
    case 'queued':
      if (item.accountToReconnect !== null) return <>{t('outbox.waitsForReconnect', { account: item.accountToReconnect })}</>;
      if (isRetrying(item)) return <>{t('outbox.retryAt', { time: time(item.notBefore), error })}</>;
      return <>{secondsLeft > 0 ? t('moderation.startsIn', { doing, count: secondsLeft }) : t('moderation.inProgress', { doing })}</>;
    case 'sending':
      return <>{t('moderation.inProgress', { doing })}</>;
    case 'failed':
    case 'needs_check':
      return <>{t('moderation.failed', { doing, error })}</>;
    case 'sent':
      return <>{t('moderation.doneAt', { time: time(item.sentAt) })}</>;
    case 'cancelled':
      return <>{t('outbox.cancelled')}</>;
  }
}
