import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/formatTime';

/** "edited", when its author changed the message on the platform; the time of the last edit on hover. */
export function EditedMark({ editedAt, locale }: { editedAt: number; locale: string }) {
  const { t } = useTranslation();
  return <span className="chip edited" title={t('pane.editedAt', { time: formatDateTime(editedAt, locale) })}>{t('pane.edited')}</span>;
}
