import type { AccountProblem, SyncSummary } from '../../../shared/api/accounts';
import { ApiFailure } from '../../../shared/api/result';
import type { CoreContext } from '../coreContext';
import { accountStatus, recordProblem, recordSyncSuccess } from '../store/accountStatus';
import { backfillDays } from '../accounts/accountsSettings';
import { describeSyncFailure } from './syncProblem';
import { runSyncPass } from './syncPass';
import { realTimers, type SyncTimers } from './syncTimers';
import { EVERY_ACCOUNT, type AccountGate } from '../teamHub/leases/accountGate';

const DAY_MS = 86_400_000;
/** After a wake-up, a start or the network's return, accounts sync within this, spread so they do not all ask at once. */
const SOON_MS = 5_000;

/** How an account's sync is doing right now (not kept: a restart starts afresh). */
export type LiveSync = { state: 'idle' | 'syncing' | 'rate_limited' | 'offline' | 'failing'; progress: number | null; resumesAt: number | null };

export type SyncEngineOptions = {
  timers?: SyncTimers;
  random?: () => number;
  /** An account's live state changed: the accounts view refreshes. */
  onChanged: (accountId: string) => void;
  /** Which accounts this desktop polls (in a team, those whose lease it holds); every one by default. */
  gate?: AccountGate;
};

type PassOutcome = { summary: SyncSummary } | { error: string };

type AccountLoop = {
  accountId: string;
  cancelTimer: (() => void) | null;
  pass: Promise<PassOutcome> | null;
  controller: AbortController | null;
  failures: number;
  live: LiveSync;
};

const IDLE: LiveSync = { state: 'idle', progress: null, resumesAt: null };

const POLLED_ELSEWHERE = 'Another desktop of the team polls this account now.';

/**
 * Syncs every connected account on its own jittered interval, one pass at a time per account
 * (a pass asked for during another joins it), backing off on failures as describeSyncFailure
 * says. Held while the computer sleeps or is offline; released, every account syncs soon.
 */
export class SyncEngine {
  private readonly loops = new Map<string, AccountLoop>();
  private heldFor: 'asleep' | 'offline' | null = null;
  private readonly timers: SyncTimers;
  private readonly random: () => number;
  private readonly gate: AccountGate;

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: SyncEngineOptions,
  ) {
    this.timers = options.timers ?? realTimers;
    this.random = options.random ?? Math.random;
    this.gate = options.gate ?? EVERY_ACCOUNT;
  }

  /** Starts syncing an account whose connector is registered: the first pass within `firstInMs`. */
  start(accountId: string, firstInMs = this.random() * SOON_MS): void {
    if (this.loops.has(accountId)) return;
    const loop: AccountLoop = { accountId, cancelTimer: null, pass: null, controller: null, failures: 0, live: IDLE };
    this.loops.set(accountId, loop);
    this.schedule(loop, firstInMs);
  }

  /** Stops an account's sync (paused, refused, disconnected): its pass in flight is aborted, its page not kept. */
  stop(accountId: string): void {
    const loop = this.loops.get(accountId);
    if (!loop) return;
    this.loops.delete(accountId);
    loop.cancelTimer?.();
    loop.controller?.abort(new Error('The account’s sync was stopped.'));
    this.options.onChanged(accountId);
  }

  stopAll(): void {
    for (const accountId of [...this.loops.keys()]) this.stop(accountId);
  }

  isSyncing(accountId: string): boolean {
    return this.loops.has(accountId);
  }

  live(accountId: string): LiveSync | null {
    const loop = this.loops.get(accountId);
    if (!loop) return null;
    return this.heldFor === 'offline' && loop.live.state !== 'syncing' ? { ...loop.live, state: 'offline' } : loop.live;
  }

  /** A pass now, or the one under way; resolves with what came in, or fails with the account's problem. */
  async syncNow(accountId: string): Promise<SyncSummary> {
    const loop = this.loops.get(accountId);
    if (!loop) throw new ApiFailure('conflict', `Account ${accountId} is not syncing (paused, disconnected or waiting to be reconnected).`);
    if (!this.gate.mayWork(accountId)) throw new ApiFailure('conflict', POLLED_ELSEWHERE);
    const outcome = await (loop.pass ?? this.runPass(loop));
    if ('error' in outcome) throw new ApiFailure('unavailable', outcome.error);
    return outcome.summary;
  }

  /** The interval changed: the next pass is counted from now. */
  reschedule(accountId: string): void {
    const loop = this.loops.get(accountId);
    if (loop && !loop.pass) this.schedule(loop, this.nextIntervalMs(loop));
  }

  /** The computer sleeps or lost the network: no pass runs, the ones in flight end (their pages are replayed later). */
  hold(reason: 'asleep' | 'offline'): void {
    this.heldFor = reason;
    for (const loop of this.loops.values()) {
      loop.cancelTimer?.();
      loop.cancelTimer = null;
      loop.controller?.abort(new Error(`The computer is ${reason}.`));
      this.options.onChanged(loop.accountId);
    }
  }

  /** Why every sync is held, if it is (a restore's new session carries it over). */
  heldReason(): 'asleep' | 'offline' | null {
    return this.heldFor;
  }

  /** Awake and online again: every account syncs soon, from its cursors. */
  release(): void {
    if (this.heldFor === null) return;
    this.heldFor = null;
    for (const loop of this.loops.values()) {
      if (!loop.pass) this.schedule(loop, this.random() * SOON_MS);
      this.options.onChanged(loop.accountId);
    }
  }

  /**
   * The gate's answers changed (a lease taken or lost): an account no longer this desktop's stops
   * at once, its pass in flight aborted (its page not kept: the holder reads it); one that became
   * this desktop's syncs soon, from the cursors it has.
   */
  gateChanged(): void {
    for (const loop of this.loops.values()) {
      if (!this.gate.mayWork(loop.accountId)) {
        loop.cancelTimer?.();
        loop.cancelTimer = null;
        loop.controller?.abort(new Error(POLLED_ELSEWHERE));
        this.options.onChanged(loop.accountId);
      } else if (!loop.cancelTimer && !loop.pass) {
        this.schedule(loop, this.random() * SOON_MS);
      }
    }
  }

  /** No timer while every sync is held, or while another desktop of the team polls the account (gateChanged re-arms it). */
  private schedule(loop: AccountLoop, ms: number): void {
    loop.cancelTimer?.();
    loop.cancelTimer = this.heldFor === null && this.gate.mayWork(loop.accountId) ? this.timers.after(Math.round(ms), () => {
      // A pass reports its own failures on the account; what escapes that (a bug) is logged, never unhandled.
      if (!loop.pass) this.runPass(loop).catch((error: unknown) => this.ctx.log.error('A sync pass failed unexpectedly.', { accountId: loop.accountId, err: error }));
    }) : null;
  }

  private nextIntervalMs(loop: AccountLoop): number {
    const intervalMs = accountStatus(this.ctx.db, loop.accountId)?.syncIntervalMs ?? 0;
    return intervalMs * (0.9 + 0.2 * this.random());
  }

  private runPass(loop: AccountLoop): Promise<PassOutcome> {
    loop.cancelTimer?.();
    loop.cancelTimer = null;
    const pass = this.pass(loop).finally(() => {
      loop.pass = null;
      loop.controller = null;
    });
    loop.pass = pass;
    return pass;
  }

  private async pass(loop: AccountLoop): Promise<PassOutcome> {
    const { ctx } = this;
    const connector = ctx.connectors.find(loop.accountId);
    if (!connector) return { error: `Account ${loop.accountId} is not connected.` };
    if (!ctx.db.open) return { error: 'The core is closed.' };
    if (!this.gate.mayWork(loop.accountId)) return { error: POLLED_ELSEWHERE };
    const controller = new AbortController();
    loop.controller = controller;
    this.setLive(loop, { state: 'syncing', progress: null, resumesAt: null });
    let notice: AccountProblem | null = null;
    try {
      const summary = await runSyncPass(ctx, loop.accountId, connector, {
        signal: controller.signal,
        backfillSince: ctx.clock() - backfillDays(ctx.db) * DAY_MS,
        onProgress: (progress) => this.setLive(loop, { state: 'syncing', progress, resumesAt: null }),
        onNotice: ({ code, message }) => (notice = { code, message, at: ctx.clock() }),
      });
      recordSyncSuccess(ctx.db, loop.accountId, ctx.clock(), notice);
      loop.failures = 0;
      this.setLive(loop, IDLE);
      this.afterPass(loop, this.nextIntervalMs(loop));
      return { summary };
    } catch (error) {
      return this.failed(loop, controller, error);
    }
  }

  private failed(loop: AccountLoop, controller: AbortController, error: unknown): PassOutcome {
    const { ctx } = this;
    // The core closed under the pass (it was opening as the app quit): nothing to record, nowhere to record it.
    if (!ctx.db.open) return { error: 'The core closed during the sync pass.' };
    // Stopped or held on purpose: not a problem of the account's.
    if (controller.signal.aborted) {
      this.setLive(loop, IDLE);
      return { error: String(controller.signal.reason instanceof Error ? controller.signal.reason.message : controller.signal.reason) };
    }
    loop.failures += 1;
    const intervalMs = accountStatus(ctx.db, loop.accountId)?.syncIntervalMs ?? 0;
    const failure = describeSyncFailure(error, { intervalMs, failures: loop.failures, now: ctx.clock(), random: this.random });
    ctx.log.warn('An account’s sync pass failed.', { accountId: loop.accountId, code: failure.problem.code, failures: loop.failures, retryInMs: failure.delayMs, err: error });
    if (failure.isRefused) {
      // The accounts service hears it, marks the account and stops this loop.
      ctx.connectors.reportRefused(loop.accountId, failure.problem.message);
      return { error: failure.problem.message };
    }
    recordProblem(ctx.db, loop.accountId, failure.problem);
    const resumesAt = failure.liveState === 'rate_limited' ? ctx.clock() + failure.delayMs : null;
    this.setLive(loop, { state: failure.liveState, progress: null, resumesAt });
    this.afterPass(loop, failure.delayMs);
    return { error: failure.problem.message };
  }

  /** The next pass, unless the account stopped syncing meanwhile. */
  private afterPass(loop: AccountLoop, ms: number): void {
    if (this.loops.get(loop.accountId) === loop) this.schedule(loop, ms);
  }

  private setLive(loop: AccountLoop, live: LiveSync): void {
    loop.live = live;
    if (this.loops.get(loop.accountId) === loop) this.options.onChanged(loop.accountId);
  }
}
