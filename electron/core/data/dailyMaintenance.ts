import type { Clock } from '../clock';
import { pruneRejected } from '../rejected/rejectedItems';
import type { DatabaseHealth } from '../health/databaseHealth';
import type { Db } from '../store/database';
import type { DataService } from './dataService';

/** Checked hourly, so a laptop asleep at the 24-hour mark still gets its backup soon after waking. */
const CHECK_EVERY_MS = 3_600_000;

export type DailyMaintenanceOptions = {
  clock: Clock;
  db: () => Db;
  /** The open database's health: maintenance writes, so it waits for a passing integrity check. */
  health: () => DatabaseHealth;
  /** Null for a database in memory: nothing to back up. */
  data: DataService | null;
  onError: (error: unknown) => void;
};

/**
 * At start and then daily: prunes rejected items past their keep, and takes the automatic
 * backup when the newest is a day old. Whatever fails is reported and the timer goes on: the
 * core never stops for a backup. Returns the function that stops it.
 */
export function startDailyMaintenance(options: DailyMaintenanceOptions): () => void {
  let isStopped = false;
  const report = (error: unknown) => {
    // A backup cut short by closing the app is not an error.
    if (!isStopped) options.onError(error);
  };
  // Each on its own: a failed prune does not cost the day's backup, nor the other way round.
  const prune = () => pruneRejected(options.db(), options.clock());
  const backUp = () => {
    const { data } = options;
    if (data && !data.isBusy && data.isDailyBackupDue()) data.backupNow('auto').catch(report);
  };
  const run = () => {
    if (options.health().status().state !== 'ok') return;
    for (const task of [prune, backUp]) {
      try {
        task();
      } catch (error) {
        report(error);
      }
    }
  };
  options
    .health()
    .whenWritable()
    .then((isWritable) => isWritable && !isStopped && run(), report);
  const timer = setInterval(run, CHECK_EVERY_MS);
  timer.unref();
  return () => {
    isStopped = true;
    clearInterval(timer);
  };
}
