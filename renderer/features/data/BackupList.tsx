import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/api/data';
import { localeOf } from '../../i18n/i18n';
import { formatBytes } from '../../lib/formatBytes';
import { formatDateTime } from '../../lib/formatTime';
import { FailureText, Progress } from './DataStatus';
import { useDataStore } from './dataStore';

/** The backups folder, newest first, each with Restore… and its confirmation in place. */
export function BackupList() {
  const { t } = useTranslation();
  const backups = useDataStore((s) => s.backups);
  const running = useDataStore((s) => s.running);
  if (backups.length === 0) return <p className="muted">{t('data.backups.none')}</p>;
  return (
    <>
      <ul className="backup-list" aria-label={t('data.backups.list')}>
        {backups.map((backup) => (
          <BackupRow key={backup.name} backup={backup} />
        ))}
      </ul>
      {running === 'restore' ? <Progress label={t('data.restore.running')} /> : null}
      <FailureText task="restore" />
    </>
  );
}

function BackupRow({ backup }: { backup: BackupInfo }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const isConfirming = useDataStore((s) => s.confirmingRestore?.name === backup.name);
  const isBusy = useDataStore((s) => s.running !== null);
  const when = formatDateTime(backup.createdAt, locale);
  const store = useDataStore.getState();
  return (
    <li className="backup-row">
      <span className="backup-when">{when}</span>
      <span className="chip">{t(`data.backups.kind.${backup.kind}`)}</span>
      <span className="muted">{formatBytes(backup.sizeBytes, locale)}</span>
      {isConfirming ? (
        <div className="data-confirm" role="alertdialog" aria-labelledby={`confirm-${backup.name}`} aria-describedby={`confirm-note-${backup.name}`}>
          <p id={`confirm-${backup.name}`}>{t('data.restore.confirm', { when })}</p>
          <p id={`confirm-note-${backup.name}`} className="muted">{t('data.restore.note')}</p>
          <span className="data-action">
            <button type="button" className="is-danger" onClick={() => void store.restore()}>{t('data.restore.go')}</button>
            <button type="button" autoFocus onClick={() => store.cancelRestore()}>{t('data.restore.cancel')}</button>
          </span>
        </div>
      ) : (
        <button type="button" disabled={isBusy} aria-label={t('data.restore.label', { when })} onClick={() => store.askRestore(backup)}>
          {t('data.restore.open')}
        </button>
      )}
    </li>
  );
}
