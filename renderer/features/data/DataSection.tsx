import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { BackupList } from './BackupList';
import { FailureText, Progress } from './DataStatus';
import { useDataStore } from './dataStore';

const KEEP_DAYS = [7, 14, 30, 60, 90, 180, 365];

/** The Data tab: backups and restore, export, and how long the quarantine keeps rejected items. */
export function DataSection({ onShowRejected }: { onShowRejected: () => void }) {
  const { t } = useTranslation();
  useEffect(() => void useDataStore.getState().load(), []);
  return (
    <>
      <FailureText task="load" />
      <section className="settings-section" aria-labelledby="data-backups-title">
        <h3 id="data-backups-title">{t('data.backups.title')}</h3>
        <BackupNow />
        <BackupList />
      </section>
      <section className="settings-section" aria-labelledby="data-export-title">
        <h3 id="data-export-title">{t('data.export.title')}</h3>
        <ExportAll />
      </section>
      <section className="settings-section" aria-labelledby="data-rejected-title">
        <h3 id="data-rejected-title">{t('data.rejected.title')}</h3>
        <RejectedKeep />
        <button type="button" onClick={onShowRejected}>{t('data.rejected.show')}</button>
      </section>
    </>
  );
}

function BackupNow() {
  const { t, i18n } = useTranslation();
  const folder = useDataStore((s) => s.folder);
  const running = useDataStore((s) => s.running);
  const lastBackup = useDataStore((s) => s.lastBackup);
  return (
    <>
      <p className="muted">{folder ? t('data.backups.note', { folder }) : null}</p>
      <div className="data-action">
        <button type="button" disabled={running !== null} onClick={() => void useDataStore.getState().backupNow()}>{t('data.backups.now')}</button>
        {running === 'backup' ? <Progress label={t('data.backups.running')} /> : null}
        {running !== 'backup' && lastBackup ? (
          <span role="status">{t('data.backups.done', { time: formatDateTime(lastBackup.createdAt, localeOf(i18n.language)) })}</span>
        ) : null}
      </div>
      <FailureText task="backup" />
    </>
  );
}

function ExportAll() {
  const { t, i18n } = useTranslation();
  const running = useDataStore((s) => s.running);
  const lastExport = useDataStore((s) => s.lastExport);
  return (
    <>
      <p className="muted">{t('data.export.note')}</p>
      <div className="data-action">
        <button type="button" disabled={running !== null} onClick={() => void useDataStore.getState().exportAll()}>{t('data.export.now')}</button>
        {running === 'export' ? <Progress label={t('data.export.running')} /> : null}
      </div>
      {running !== 'export' && lastExport ? (
        <p role="status">
          {t('data.export.done', { count: lastExport.rows, rows: new Intl.NumberFormat(localeOf(i18n.language)).format(lastExport.rows) })} <code className="data-path">{lastExport.path}</code>
        </p>
      ) : null}
      <FailureText task="export" />
    </>
  );
}

function RejectedKeep() {
  const { t } = useTranslation();
  const days = useDataStore((s) => s.settings?.rejectedRetentionDays ?? null);
  // A value set through the API (any from 1 to 365) still shows as itself.
  const choices = days === null || KEEP_DAYS.includes(days) ? KEEP_DAYS : [...KEEP_DAYS, days].sort((a, b) => a - b);
  return (
    <>
      <div className="data-action">
        <label htmlFor="rejected-keep-days">{t('data.rejected.keep')}</label>
        <select
          id="rejected-keep-days"
          value={days ?? ''}
          disabled={days === null}
          onChange={(event) => void useDataStore.getState().setRejectedRetentionDays(Number(event.target.value))}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>{t('data.rejected.days', { count: choice })}</option>
          ))}
        </select>
      </div>
      <FailureText task="settings" />
    </>
  );
}
