import { useTranslation } from 'react-i18next';
import { call } from '../../app/coreClient';
import { useDatabaseStore } from './databaseStore';

/**
 * Instead of everything else once the integrity check finds the database damaged: the core has
 * stopped writing to it, and the person learns what happened, where the file is, what SQLite
 * found, and what to do. Restoring a backup from here comes with the backups feature.
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
      <button type="button" onClick={() => void call('app.quit', {})}>
        {t('database.quit')}
      </button>
    </main>
  );
}
