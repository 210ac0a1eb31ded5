import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import { realTimers, type SyncTimers } from '../sync/syncTimers';
import { delayAfterFailures } from '../timers/loop';
import type { RuleRunner, RuleRunResult } from './ruleEvents';
import { conversationSeqsOf, mergeRunResults } from './ruleRunResults';
import { dependsOnTeam, nextTimerDueAt, rebuildRuleTimers, rebuildTimers, refreshTimers, takeDueTimers } from './ruleTimers';
import { ShiftWatch } from './shiftWatch';

/**
 * setTimeout counts the time the process ran, not the wall clock: after the computer slept or
 * the clock was set forward, a long wait ends late. Looking again at least this often (one
 * indexed query, nothing scanned) bounds how late a due rule fires after a wake-up.
 */
export const MAX_WAIT_MS = 15 * 60_000;
/** A failed run (the database busy or damaged) is tried again after this, then less and less often. */
const RETRY_MS = 30_000;

export type RuleSchedulerOptions = {
  db: Db;
  clock: Clock;
  events: EventBus;
  log: Logger;
  runRules: RuleRunner;
  /** What a run asks after commit: escalate the newly urgent, wake the outbox for queued sends. */
  afterRun: (result: RuleRunResult) => void;
  /** False while the integrity check still runs: nothing is written before it passes. */
  isWritable: () => boolean;
  /** Tests pass timers they fire by hand, and read the delay armed. */
  timers?: SyncTimers | undefined;
};

/**
 * Time and shift triggers from ONE timer, set to the earliest of the next due rule timer and the
 * next shift boundary of anyone a shift rule is about. Woken, it runs each due rule once on its
 * due conversations and each shift change once, in one transaction, then sleeps again.
 */
export class RuleScheduler {
  private cancel: (() => void) | null = null;
  private isStopped = true;
  private isRunning = false;
  private failures = 0;
  private readonly shifts = new ShiftWatch();
  private readonly timers: SyncTimers;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: RuleSchedulerOptions) {
    this.timers = options.timers ?? realTimers;
    // Someone's hours or duty changed (a saved schedule, "I'm off now", a teammate added or
    // removed, a shift's own boundary): a shift may have started or ended, team waits move.
    this.unsubscribe = options.events.subscribe((message) => {
      if (message.name !== 'duty.changed' || this.isStopped) return;
      rebuildTimers(options.db, dependsOnTeam);
      this.wake();
    });
  }

  /**
   * Rebuilds every wait (rules imported from the command line while the app was closed, a
   * restored backup), notes who is on duty now (a shift already under way raises nothing) and arms.
   */
  start(): void {
    this.isStopped = false;
    rebuildTimers(this.options.db, () => true);
    this.shifts.look(this.options.db, this.options.clock());
    this.arm();
  }

  /** After messages or triage changed these conversations (inside or after their transaction): their timers rewritten, the timer re-armed. */
  conversationsChanged(conversationSeqs: readonly number[]): void {
    refreshTimers(this.options.db, conversationSeqs);
    this.arm();
  }

  /** After a rule was saved, turned on or off, or removed. */
  ruleChanged(ruleSeq: number): void {
    this.rescheduled([ruleSeq]);
  }

  /** The same, by the rules' ids, as the rules API knows them; a removed rule's timers went with it. */
  rulesChanged(ruleIds: readonly string[]): void {
    const rows = cachedStatement<[string], { seq: number }>(this.options.db, 'SELECT seq FROM rules WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ruleIds));
    this.rescheduled(rows.map((row) => row.seq));
  }

  private rescheduled(ruleSeqs: readonly number[]): void {
    for (const seq of ruleSeqs) rebuildRuleTimers(this.options.db, seq);
    this.shifts.rulesChanged(this.options.db, this.options.clock());
    this.arm();
  }

  /** After an account's business hours changed: the waits counted in them move. */
  businessHoursChanged(): void {
    rebuildTimers(this.options.db, () => true);
    this.arm();
  }

  /** Runs what is due now (a wake-up from sleep, a clock set forward) and re-arms. */
  wake(): void {
    if (this.isRunning || this.isStopped) return;
    this.onTimer();
  }

  /** Sleeps until the earliest due time; never longer than MAX_WAIT_MS. */
  arm(): void {
    this.cancel?.();
    this.cancel = null;
    if (this.isStopped) return;
    const { db, clock } = this.options;
    const now = clock();
    const next = [nextTimerDueAt(db), this.shifts.nextBoundary].reduce<number | null>((soonest, at) => (at !== null && (soonest === null || at < soonest) ? at : soonest), null);
    this.wakeIn(next === null ? MAX_WAIT_MS : Math.min(Math.max(next - now, 0), MAX_WAIT_MS));
  }

  stop(): void {
    this.isStopped = true;
    this.cancel?.();
    this.cancel = null;
    this.unsubscribe();
  }

  /** Nobody awaits the timer: a failure is logged and tried again later instead of ending the core. */
  private onTimer(): void {
    this.isRunning = true;
    try {
      if (this.options.isWritable()) this.runDue();
      this.failures = 0;
      this.arm();
    } catch (error) {
      this.failures += 1;
      const retryInMs = delayAfterFailures(RETRY_MS, this.failures);
      this.options.log.error('Running time-triggered rules failed; trying again later.', { failures: this.failures, retryInMs, err: error });
      this.wakeIn(retryInMs);
    } finally {
      this.isRunning = false;
    }
  }

  private runDue(): void {
    const { db, clock, runRules, events } = this.options;
    const now = clock();
    const lastLook = this.shifts.lastLook;
    const run = db.transaction(() => {
      const results: RuleRunResult[] = [];
      for (const event of this.shifts.look(db, now)) results.push(runRules(db, event, now));
      const due = takeDueTimers(db, now);
      for (const { ruleSeq, conversationSeqs } of due) results.push(runRules(db, { type: 'due', ruleSeq, conversationSeqs }, now));
      const merged = mergeRunResults(results);
      // What the rules changed waits anew (a fired timer comes back for a later message only).
      refreshTimers(db, conversationSeqsOf(db, merged.changedConversationIds));
      return merged;
    });
    let result: RuleRunResult;
    try {
      result = run();
    } catch (error) {
      this.shifts.forget(lastLook);
      throw error;
    }
    if (result.changedConversationIds.length > 0) events.emit('inbox.changed', { conversationIds: result.changedConversationIds, everything: false });
    this.options.afterRun(result);
  }

  private wakeIn(ms: number): void {
    this.cancel?.();
    this.cancel = this.timers.after(ms, () => {
      this.cancel = null;
      this.onTimer();
    });
  }
}
