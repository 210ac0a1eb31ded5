import type { DatabaseStatus } from '../../../shared/api/database';
import type { WriteGate } from '../api/apiServer';
import type { EventBus } from '../events';
import type { Db } from '../store/database';
import { checkIntegrityInBackground, type BackgroundCheck } from '../store/integrityCheck';

const DAMAGED_REASON =
  'The database is damaged, so Pieuvre stopped saving changes to it. Nothing was changed. Restore a backup or move the file away, then start Pieuvre again.';

/**
 * Keeps the promise that a damaged file is never written to without the person knowing, while
 * the first page does not wait for the integrity check: until the background check passes, the
 * connection is `query_only` (SQLite itself refuses every write), changes asked for meanwhile
 * wait for the verdict, and the core's own writers start only once it is known good.
 */
export class DatabaseHealth implements WriteGate {
  private current: DatabaseStatus;
  private readonly check: BackgroundCheck | null;
  private readonly settled: Promise<boolean>;
  private isClosed = false;

  /** `pathToCheck`: the file to check in the background, or null when it is known good already. */
  constructor(db: Db, events: EventBus, where: { dataDir: string | null; pathToCheck: string | null }) {
    this.current = { state: where.pathToCheck ? 'checking' : 'ok', dataDir: where.dataDir, problems: [] };
    if (!where.pathToCheck) {
      this.check = null;
      this.settled = Promise.resolve(true);
      return;
    }
    db.pragma('query_only = ON');
    this.check = checkIntegrityInBackground(where.pathToCheck);
    this.settled = this.check.report.then((report) => {
      if (this.isClosed) return false;
      if (report.isOk) db.pragma('query_only = OFF');
      this.current = { ...this.current, state: report.isOk ? 'ok' : 'damaged', problems: report.problems };
      events.emit('database.status', this.status());
      return report.isOk;
    });
  }

  status(): DatabaseStatus {
    return { ...this.current, problems: [...this.current.problems] };
  }

  /** Runs `start` once writes are allowed: now if they are, after a passing check, never if damaged. */
  onceWritable(start: () => void): void {
    if (this.current.state === 'ok') start();
    else void this.settled.then((isWritable) => isWritable && start());
  }

  /** Resolves true once writes are allowed, false if they never will be (damaged, or closed). */
  whenWritable(): Promise<boolean> {
    return this.settled;
  }

  async settle(): Promise<{ isWritable: true } | { isWritable: false; reason: string }> {
    return (await this.settled) ? { isWritable: true } : { isWritable: false, reason: DAMAGED_REASON };
  }

  /** A write SQLite refused: the core's connection is read-write, so only `query_only` does that. */
  isRefusedWrite(error: unknown): boolean {
    return error instanceof Error && 'code' in error && error.code === 'SQLITE_READONLY';
  }

  close(): void {
    this.isClosed = true;
    this.check?.cancel();
  }
}
