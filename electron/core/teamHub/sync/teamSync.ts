import type { ApiEvents } from '../../../../shared/api/events';
import type { Clock } from '../../clock';
import type { ChangeListener } from '../../hub/changeListener';
import type { HubClient } from '../../hub/hubClient';
import { MAX_PUSH } from '../../hub/hubInputs';
import type { Logger } from '../../log/logger';
import type { Db } from '../../store/database';
import { applyPulled } from './applyPulled';
import { onLocalChange } from './captureSwitch';
import { forgetPushed, nextOutgoing, pendingCount } from './outgoingQueue';
import { recordPushedFields } from './pushedFields';
import { markSynced, readCursor } from './syncState';

export type TeamSyncStats = {
  /** Changes made here not yet on the hub. */
  pendingChanges: number;
  /** Changes on the hub not yet applied here, as far as the last notice told. */
  cursorLag: number;
  lastSyncAt: number | null;
};

/** What TeamSync needs of the hub (HubClient; tests may wrap one). */
export type SyncClient = Pick<HubClient, 'push' | 'pull' | 'listen' | 'desktopId'>;

export type TeamSyncOptions = {
  db: Db;
  client: SyncClient;
  clock: Clock;
  log: Logger;
  onApplied(result: { conversationIds: string[]; everything: boolean }): void;
  onAlsoAssigned(event: ApiEvents['hub.alsoAssigned']): void;
  onStats(stats: TeamSyncStats): void;
  /** The hub's notices stopped (its connection dropped): the first to know the hub may be gone. */
  onNoticesLost?(): void;
};

/** Local changes come in bursts (a triage of 50 conversations): one round for the burst. */
const LOCAL_DEBOUNCE_MS = 50;
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 30_000;

/**
 * This desktop's changes to and from the hub: push the queue, pull after the cursor, apply.
 * A round runs when the hub notices a new change (LISTEN), when something is queued here
 * (debounced), on syncNow(), and again with a growing wait while the hub cannot be reached.
 * Rounds never overlap.
 */
export class TeamSync {
  private listener: ChangeListener | undefined;
  private stopLocal: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TeamSyncStats> | undefined;
  private queued: Promise<TeamSyncStats> | undefined;
  private knownSeq = 0;
  private retryMs = FIRST_RETRY_MS;
  private isStopped = false;

  constructor(private readonly options: TeamSyncOptions) {}

  start(): void {
    const { client, log, db } = this.options;
    this.listener = client.listen(
      (notice) => {
        // The listener closes after stop(): a notice may still come, when the database is closed.
        if (this.isStopped) return;
        this.knownSeq = Math.max(this.knownSeq, notice.seq);
        if (notice.seq > readCursor(db).cursor) this.schedule(0);
      },
      (state, error) => {
        if (state !== 'reconnecting') return;
        log.warn('The team hub’s notices stopped; reconnecting.', { error });
        this.options.onNoticesLost?.();
      },
    );
    this.stopLocal = onLocalChange(db, () => this.schedule(LOCAL_DEBOUNCE_MS));
    // At once, not on a timer: a status asked as the connection comes up waits for this round.
    this.runRound();
  }

  /** One round now (after the one running, if any); rejects when the hub cannot be reached. */
  syncNow(): Promise<TeamSyncStats> {
    if (this.queued) return this.queued;
    const next = (this.running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.round();
      });
    this.queued = next;
    this.running = next;
    return next;
  }

  /** Resolves once the round under way, if any, has ended, either way. */
  roundEnded(): Promise<void> {
    return (this.running ?? Promise.resolve()).then(
      () => {},
      () => {},
    );
  }

  stats(): TeamSyncStats {
    const { db } = this.options;
    const { cursor, lastSyncAt } = readCursor(db);
    return { pendingChanges: pendingCount(db), cursorLag: Math.max(0, this.knownSeq - cursor), lastSyncAt };
  }

  /** Stops listening and waits for the round under way; what is queued stays for next time. */
  async stop(): Promise<void> {
    this.isStopped = true;
    clearTimeout(this.timer);
    this.stopLocal?.();
    await this.listener?.close();
    await this.running?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.isStopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runRound();
    }, delayMs);
  }

  private runRound(): void {
    this.syncNow().then(
      () => {
        this.retryMs = FIRST_RETRY_MS;
      },
      (error: unknown) => {
        // A round cut short by stop(): the core may have closed the database already.
        if (this.isStopped) return;
        this.options.log.warn('Team sync could not reach the hub; trying again.', { error, retryMs: this.retryMs });
        this.options.onStats(this.stats());
        this.schedule(this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, LONGEST_RETRY_MS);
      },
    );
  }

  private async round(): Promise<TeamSyncStats> {
    await this.push();
    await this.pull();
    markSynced(this.options.db, this.options.clock());
    const stats = this.stats();
    this.options.onStats(stats);
    return stats;
  }

  /** Forgets a change only after the hub logged it: a crash in between pushes it again, logged once. */
  private async push(): Promise<void> {
    const { db, client } = this.options;
    for (let batch = nextOutgoing(db, MAX_PUSH); batch.length > 0; batch = nextOutgoing(db, MAX_PUSH)) {
      const logged = await client.push(batch);
      this.throwIfStopped();
      db.transaction(() => {
        forgetPushed(db, batch.map((change) => change.id));
        recordPushedFields(db, batch, logged, client.desktopId);
      })();
    }
  }

  private async pull(): Promise<void> {
    const { db, client, clock } = this.options;
    for (;;) {
      const page = await client.pull(readCursor(db).cursor, MAX_PUSH);
      this.throwIfStopped();
      if (page.length === 0) return;
      const applied = applyPulled(db, page, clock(), client.desktopId);
      this.knownSeq = Math.max(this.knownSeq, page.at(-1)?.seq ?? 0);
      if (applied.everything || applied.conversationIds.length > 0) this.options.onApplied({ conversationIds: applied.conversationIds, everything: applied.everything });
      for (const event of applied.alsoAssigned) this.options.onAlsoAssigned(event);
      if (page.length < MAX_PUSH) return;
    }
  }

  /** After each wait on the hub: once stopped, the database may be closed (the core closes it without waiting). */
  private throwIfStopped(): void {
    if (this.isStopped) throw new Error('Team sync stopped.');
  }
}
