import type { Db } from '../../store/database';
import { CAPTURE_SPECS } from './captureSpecs';
import { dropTriggerSql, snapshotSql, triggerSql } from './captureSql';
import { registerCaptureFunctions } from './captureSwitch';

export type CaptureHandle = {
  /** Stops queueing local changes (leaving the team); what is queued stays until cleared. */
  stop(): void;
};

/**
 * From now on every local change to a synced field is queued in hub_outgoing, whichever code
 * path made it (UI, command line, rules, ingest, outbox), in the same transaction as the change:
 * the queue survives restarts and offline time. Triggers are TEMP, so they live as long as this
 * connection; call it again after reopening the database.
 */
export function startCapture(db: Db, options: { desktopId: string; now: () => number }): CaptureHandle {
  registerCaptureFunctions(db, options.now);
  db.transaction(() => {
    for (const spec of CAPTURE_SPECS) db.exec(triggerSql(spec));
  })();
  return {
    stop() {
      for (const spec of CAPTURE_SPECS) db.exec(dropTriggerSql(spec));
    },
  };
}

/**
 * Queues the current state of everything synced, as creations (a desktop that has a row already
 * keeps its own): the workspace creator's inbox, or a joiner's existing data. Demo accounts and
 * their conversations stay out.
 */
export function captureSnapshot(db: Db): number {
  registerCaptureFunctions(db);
  return db.transaction(() => {
    let queued = 0;
    for (const spec of CAPTURE_SPECS) {
      const sql = snapshotSql(spec);
      if (sql) queued += db.prepare(sql).run().changes;
    }
    return queued;
  })();
}
