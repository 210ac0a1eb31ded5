import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/coreClient';
import { BackupList } from '../data/BackupList';
import { FailureText } from '../data/DataStatus';
import { useDataStore } from '../data/dataStore';
import { useDatabaseStore } from './databaseStore';

/**
 * Instead of everything else once the integrity check finds the database damaged: the core has
 * stopped writing to it, and the person learns what happened, where the file is, what SQLite
 * found, and the ways out: restore a backup (the damaged file is kept aside) or quit (#9 §5).
 */
export function DamagedDatabaseScreen() {
  const { t } = useTranslation();
  const status = useDatabaseStore((s) => s.status);
  if (status?.state !== 'damaged') return null;
  return (
    <main className="damaged-database" aria-labelledby="damaged-database-title">
      <img src="./icon.svg" alt="" width={72} height={72} />
      <h1 id="damaged-database-title">{t('database.damagedTitle')}</h1>
      <p>{t('database.damagedBody')}</p>
      {status.dataDir !== null ? (
        <p>
          {t('database.folder')} <code className="damaged-database-folder">{status.dataDir}</code>
        </p>
      ) : null}
      <p>{t('database.whatNow')}</p>
      <details open>
        <summary>{t('database.problems')}</summary>
        <pre className="damaged-database-log">{status.problems.join('\n')}</pre>
      </details>
      <DamagedBackups />
      <button type="button" onClick={() => void call('app.quit', {})}>
        {t('database.quit')}
      </button>
    </main>
  );
}

/** The Data tab's backup list, worded for a damaged file: it is kept aside, not backed up. */
function DamagedBackups() {
  const { t } = useTranslation();
  const folder = useDataStore((s) => s.folder);
  // Only the list: the Data tab's settings would be read from the damaged file.
  useEffect(() => void useDataStore.getState().loadBackups(), []);
  return (
    <section className="damaged-database-backups" aria-labelledby="damaged-backups-title">
      <h2 id="damaged-backups-title">{t('database.backupsTitle')}</h2>
      <FailureText task="load" />
      <BackupList wording={{ note: t('database.restoreNote', { folder }), go: t('database.restoreGo') }} />
    </section>
  );
}
