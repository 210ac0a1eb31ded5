import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../shared/domain/platform';
import { formatDateTime } from '../../lib/formatTime';

/**
 * "Deleted on Mastodon": its author (or a moderator there) removed it; Pieuvre keeps the words,
 * shown muted under this line, since what was said is still worth knowing. When, on hover.
 */
export function DeletedOnPlatform({ deletedAt, platform, locale }: { deletedAt: number; platform: Platform; locale: string }) {
  const { t } = useTranslation();
  const name = t(`platform.${platform}`);
  const title = t('pane.deletedOnPlatformAt', { platform: name, time: formatDateTime(deletedAt, locale) });
  return <p className="message-deleted-note" title={title}>{t('pane.deletedOnPlatform', { platform: name })}</p>;
}
