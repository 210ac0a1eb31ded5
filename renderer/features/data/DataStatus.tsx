import { useTranslation } from 'react-i18next';
import { useDataStore, type DataFailure } from './dataStore';

/** The running task's progress bar, with its percentage for screen readers and eyes. */
export function Progress({ label }: { label: string }) {
  const progress = useDataStore((s) => s.progress);
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;
  return (
    <span className="data-progress" role="status">
      <progress aria-label={label} value={percent ?? undefined} max={100} />
      {percent === null ? label : `${label} ${percent} %`}
    </span>
  );
}

/** The failure of this task, if it was the last thing that failed, worded by its code. */
export function FailureText({ task }: { task: DataFailure['task'] }) {
  const { t } = useTranslation();
  const failure = useDataStore((s) => (s.failure?.task === task ? s.failure : null));
  if (!failure) return null;
  return (
    <p role="alert" className="data-error">
      {t(`data.errors.${task}`)} {t(`data.errors.codes.${failure.code}`, { message: failure.message })}
    </p>
  );
}
