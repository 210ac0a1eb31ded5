import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/api/data';
import { localeOf } from '../../i18n/i18n';
import { formatBytes } from '../../lib/formatBytes';
import { formatDateTime } from '../../lib/formatTime';
import { FailureText, Progress } from './DataStatus';
import { useDataStore } from './dataStore';

/** How the confirmation words a restore where the Data tab's words would not fit (a damaged database). */
export type RestoreWording = { note: string; go: string };

/**
 * The backups folder, newest first, each with Restore… and its confirmation in place; in the
 * app, also any backup file the person chooses.
 */
export function BackupList({ wording }: { wording?: RestoreWording }) {
  const { t } = useTranslation();
  const backups = useDataStore((s) => s.backups);
  const running = useDataStore((s) => s.running);
  const chosenPath = useDataStore((s) => (s.confirmingRestore && 'path' in s.confirmingRestore ? s.confirmingRestore.path : null));
  return (
    <>
      {backups.length === 0 ? (
        <p className="muted">{t('data.backups.none')}</p>
      ) : (
        <ul className="backup-list" aria-label={t('data.backups.list')}>
          {backups.map((backup) => (
            <BackupRow key={backup.name} backup={backup} wording={wording} />
          ))}
        </ul>
      )}
      {window.pieuvre ? (
        <button type="button" disabled={running !== null} onClick={() => void useDataStore.getState().chooseFileToRestore()}>
          {t('data.restore.fromFile')}
        </button>
      ) : null}
      {chosenPath ? <RestoreConfirm what={chosenPath} wording={wording} /> : null}
      {running === 'restore' ? <Progress label={t('data.restore.running')} /> : null}
      <FailureText task="restore" />
    </>
  );
}

function BackupRow({ backup, wording }: { backup: BackupInfo; wording: RestoreWording | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const isConfirming = useDataStore((s) => s.confirmingRestore !== null && 'backup' in s.confirmingRestore && s.confirmingRestore.backup.name === backup.name);
  const isBusy = useDataStore((s) => s.running !== null);
  const when = formatDateTime(backup.createdAt, locale);
  const restoreButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Cancel (or Escape) removes the confirmation that held the focus: it goes back to this row's Restore…, not to the page.
  useEffect(() => {
    if (wasConfirming.current && !isConfirming) restoreButton.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);
  return (
    <li className="backup-row">
      <span className="backup-when">{when}</span>
      <span className="chip">{t(`data.backups.kind.${backup.kind}`)}</span>
      <span className="muted">{formatBytes(backup.sizeBytes, locale)}</span>
      {isConfirming ? (
        <RestoreConfirm what={t('data.restore.backupOf', { when })} wording={wording} />
      ) : (
        <button ref={restoreButton} type="button" disabled={isBusy} aria-label={t('data.restore.label', { when })} onClick={() => useDataStore.getState().askRestore({ backup })}>
          {t('data.restore.open')}
        </button>
      )}
    </li>
  );
}

/** Asks before replacing the data, saying what becomes of it; Cancel has the focus, Escape cancels. */
function RestoreConfirm({ what, wording }: { what: string; wording: RestoreWording | undefined }) {
  const { t } = useTranslation();
  const store = useDataStore.getState();
  const { note, go } = wording ?? { note: t('data.restore.note'), go: t('data.restore.go') };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Handled here: the window's Escape would close the whole Settings dialog instead of this question.
    event.preventDefault();
    event.stopPropagation();
    store.cancelRestore();
  };
  return (
    <div className="data-confirm" role="alertdialog" aria-labelledby="restore-confirm-title" aria-describedby="restore-confirm-note" onKeyDown={onKeyDown}>
      <p id="restore-confirm-title">{t('data.restore.confirm', { what })}</p>
      <p id="restore-confirm-note" className="muted">{note}</p>
      <span className="data-action">
        <button type="button" className="is-danger" onClick={() => void store.restore()}>{go}</button>
        <button type="button" autoFocus onClick={() => store.cancelRestore()}>{t('data.restore.cancel')}</button>
      </span>
    </div>
  );
}
