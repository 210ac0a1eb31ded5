import type { ModerationAction } from '../../../shared/domain/moderation';
import { PLATFORM_NAMES } from '../../../shared/domain/platform';
import { ConnectorError, type Connector, type ModerationDone, type ModerationRequest, type ReplyRequest, type SentReply } from '../connectors/connector';
import type { CoreContext } from '../coreContext';
import { vetoAwayReply } from '../awayReplies/awayReplyVeto';
import { vetoRuleReply } from '../rules/actions/ruleReplyVeto';
import { ruleActor } from '../rules/ruleRecords';
import { applyModeration } from '../moderation/applyModeration';
import { AccountLanes } from './accountLanes';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff';
import { parseModerationPayload, toModerationRequest } from './moderationPayload';
import { claimNext, isPrivateSend, markHandedOver, nextDueAt, recordOutcome, requeueInterruptedOf, type AttemptOutcome, type ClaimedSend } from './outboxStore';
import { callPlatform, DEFAULT_CALL_TIMEOUT_MS } from './platformCall';
import { moderationRefsOf } from './platformRefs';
import { recordSentReply } from './recordSentReply';
import { checkReply, describeProblem } from '../replies/replyPolicy';
import { replySituation } from '../replies/replySituation';
import { delayAfterFailures } from '../timers/loop';
import { EVERY_ACCOUNT, type AccountGate } from '../teamHub/leases/accountGate';
import { listAccounts } from '../store/accounts';

export type OutboxWorkerOptions = {
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Told of every reply that reached its platform, at the time it did. */
  onSent?: (send: ClaimedSend, at: number) => void;
  /** A run failed unexpectedly (a bug, the database gone): its rows are recovered on next start. */
  onError?: (error: unknown) => void;
  /** How long one platform call may take before it is abandoned as a timeout (transient, maybe delivered). */
  callTimeoutMs?: number;
  /** Which accounts this desktop sends for (in a team, those whose lease it holds); every one by default. */
  gate?: AccountGate;
};

/** While offline, look for the network at least this often. */
const OFFLINE_RETRY_MAX_MS = 60_000;
/** setTimeout's longest wait is about 24.8 days: a far scheduled send re-arms daily. */
const MAX_WAIT_MS = 86_400_000;
/** After a run failed unexpectedly, try again this soon, then less and less often. */
const FAILED_RUN_RETRY_MS = 5_000;

/** Moderation not asked for by a rule was asked for by the person at this desktop: the history says so. */
const ME = 'me';

/** Removing what the platform no longer has leaves nothing to do: these succeed on "not found". */
const GONE_IS_DONE: ReadonlySet<ModerationAction> = new Set(['delete', 'delete_own', 'hide']);

/** A moderation the platform took, with what undoing it needs: its local effect commits with the row's `sent`. */
type ModerationSent = { state: 'sent'; externalId: null; done: ModerationDone };

const NEEDS_CHECK =
  'An earlier attempt may have reached the platform, which cannot tell whether it did: look at the conversation there, then mark it sent or send it again.';

/**
 * Sends what the outbox holds, in one lane per account: each account's rows go in order, one at
 * a time, while a slow or hung platform (its call abandoned only at its timeout) never delays
 * another account. Each row is claimed (`sending`, committed) before the network call and settled
 * after it. A crash in between leaves `sending`: on the next start the row is queued again,
 * marked as possibly delivered, and that next attempt asks the platform whether the reply is
 * already there before posting, unless the platform itself still drops duplicates by key (within
 * its idempotency window). So a reply is never lost and never doubled. Moderation actions take
 * the same path, but are idempotent on the platform: after a crash they are simply sent again,
 * and their local effect commits with the row's `sent`, so it is applied exactly once.
 */
export class OutboxWorker {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly lanes = new AccountLanes((accountId) => this.sendDue(accountId), () => this.arm());
  private isStopped = false;
  /** Started once the database may be written (its check done): a gate change before that waits for start. */
  private hasStarted = false;
  /** Aborts the platform calls in flight when the worker stops (the app quits). */
  private stopping = new AbortController();
  /** Runs that failed unexpectedly in a row. */
  private failedRuns = 0;
  /** Accounts a platform rate-limited, until when (account id → epoch ms). */
  private readonly pausedUntil = new Map<string, number>();
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: OutboxWorkerOptions = {},
  ) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.random = options.random ?? Math.random;
  }

  /**
   * Recovers sends a crash interrupted, then sends what is due. In a team, only for the accounts
   * this desktop works: another's `sending` rows may be under way on the desktop holding them.
   */
  start(): void {
    this.isStopped = false;
    this.hasStarted = true;
    this.stopping = new AbortController();
    this.requeueInterrupted();
    this.kick();
  }

  /** Something was queued or changed: send what is due now, re-arm for the rest. */
  kick(): void {
    if (this.isStopped) return;
    this.drain().then(
      () => {
        this.failedRuns = 0;
      },
      (error: unknown) => {
        this.failedRuns += 1;
        // A run that failed before re-arming (the database busy, a bug) must not leave the queue asleep.
        if (!this.timer && !this.isStopped) this.wakeIn(delayAfterFailures(FAILED_RUN_RETRY_MS, this.failedRuns));
        this.options.onError?.(error);
      },
    );
  }

  /**
   * Sends everything due now, each account in its own lane; resolves when the queue has nothing
   * more due. A lane's runs never overlap: a call during a run is served by a fresh run after it,
   * so nothing queued or made due meanwhile is missed.
   */
  async drain(): Promise<void> {
    try {
      await Promise.all(this.sendableAccounts().map((accountId) => this.lanes.run(accountId)));
    } finally {
      this.arm();
    }
  }

  /**
   * The gate's answers changed (a lease taken or lost). An account now ours may have sends another
   * desktop of the team claimed and never settled: they go again, checked on the platform first.
   * A lane still busy here is this desktop's own send, left to finish. An account no longer ours
   * stops at its lane's next claim.
   */
  gateChanged(): void {
    if (this.isStopped || !this.hasStarted) return;
    this.requeueInterrupted();
    this.kick();
  }

  /**
   * `sending` rows of the accounts this desktop works go back to the queue as possibly delivered,
   * unless their lane is busy here (a send of this desktop's own, under way). An account need
   * not be connected yet: a lease may come before the account's secrets do.
   */
  private requeueInterrupted(): void {
    const gate = this.options.gate ?? EVERY_ACCOUNT;
    const now = this.ctx.clock();
    const requeued = listAccounts(this.ctx.db)
      .filter((account) => gate.mayWork(account.id) && !this.lanes.isBusy(account.id))
      .flatMap((account) => requeueInterruptedOf(this.ctx.db, account.id, now));
    if (requeued.length > 0) this.ctx.events.emit('outbox.changed', { conversationIds: requeued });
  }

  stop(): void {
    this.isStopped = true;
    this.stopping.abort(new Error('The outbox stopped.'));
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async sendDue(accountId: string): Promise<void> {
    for (;;) {
      if (this.isStopped) return;
      // Refused, disconnected or rate-limited since: the lane ends, and the account's rows wait.
      if (!this.sendableAccounts().includes(accountId)) return;
      const send = claimNext(this.ctx.db, this.ctx.clock(), [accountId]);
      if (!send) return;
      this.ctx.events.emit('outbox.changed', { conversationIds: [send.conversationId] });
      const outcome = await this.attempt(send);
      // Stopped mid-call (the app quits): the row stays `sending` and is checked on next start.
      if (this.isStopped) return;
      if ('done' in outcome) this.settleModeration(send, outcome);
      else recordOutcome(this.ctx.db, send.seq, outcome, this.ctx.clock());
      this.ctx.events.emit('outbox.changed', { conversationIds: [send.conversationId] });
    }
  }

  private async attempt(send: ClaimedSend): Promise<AttemptOutcome | ModerationSent> {
    const connector = this.ctx.connectors.find(send.accountId);
    // Disconnected since the claim: the send waits for its account.
    if (!connector) return this.afterFailure(send, new ConnectorError('Waiting for this account to connect.', 'offline'));
    return send.outboxKind === 'moderation' ? this.moderate(connector, send) : this.reply(connector, send);
  }

  /** A platform call with this worker's timeout, abandoned when it stops. */
  private call<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return callPlatform(call, { timeoutMs: this.options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS, stop: this.stopping.signal });
  }

  /** Idempotent on the platform (the Connector contract): any attempt simply sends again. */
  private async moderate(connector: Connector, send: ClaimedSend): Promise<AttemptOutcome | ModerationSent> {
    let request: ModerationRequest;
    try {
      const payload = parseModerationPayload(send.payload);
      request = toModerationRequest(payload, moderationRefsOf(this.ctx.db, Number(payload.messageId)));
    } catch (error) {
      // A bug, not the platform's doing: failed with the reason rather than sent again and again.
      return { state: 'failed', error: messageOf(error), isCounted: true };
    }
    try {
      return { state: 'sent', externalId: null, done: await this.call((signal) => connector.moderate(request, signal)) };
    } catch (error) {
      // Removing what is already gone has nothing left to do: done, whatever the connector says.
      if (error instanceof ConnectorError && error.kind === 'not_found' && GONE_IS_DONE.has(request.action)) return { state: 'sent', externalId: null, done: { undoRef: null } };
      return this.afterFailure(send, error, { wasHandedOver: true });
    }
  }

  /** Done on the platform: the local effect (with what undoing it needs) and the row's `sent` commit together. */
  private settleModeration(send: ClaimedSend, { done, ...outcome }: ModerationSent): void {
    const { db } = this.ctx;
    const now = this.ctx.clock();
    try {
      db.transaction(() => {
        const payload = parseModerationPayload(send.payload);
        applyModeration(db, { conversationId: send.conversationId, payload, done }, payload.rule ? ruleActor(payload.rule) : ME, now);
        recordOutcome(db, send.seq, outcome, now);
      })();
    } catch (error) {
      // Done on the platform; a retry sends it again, harmlessly, and records it then.
      recordOutcome(db, send.seq, { state: 'failed', error: `Done on the platform, but not recorded here: ${messageOf(error)}` }, now);
    }
    this.ctx.events.emit('inbox.changed', { conversationIds: [send.conversationId], everything: false });
  }

  private async reply(connector: Connector, send: ClaimedSend): Promise<AttemptOutcome> {
    // An automatic reply may have waited for its account: someone may have answered meanwhile.
    const vetoed = send.outboxKind === 'away_reply' ? vetoAwayReply(this.ctx, send) : send.rule ? vetoRuleReply(this.ctx, { ...send, rule: send.rule }) : null;
    if (vetoed) return vetoed;
    // The rules again at the last moment: a window may have closed while the reply waited.
    const now = this.ctx.clock();
    const privately = isPrivateSend(send);
    const situation = replySituation(this.ctx.db, send.conversationId, send.inReplyToExternalId, send.idempotencyKey);
    const check = checkReply(connector.limits, situation, send.text, { now, sendAt: now, isHumanTyped: send.isHumanTyped, privately });
    const [problem] = check.problems;
    if (problem) return { state: 'failed', error: describeProblem(problem) };
    const request: ReplyRequest = {
      threadExternalId: send.threadExternalId,
      threadRef: send.threadRef,
      inReplyToExternalId: send.inReplyToExternalId,
      inReplyToRef: send.inReplyToRef,
      kind: send.kind,
      text: send.text,
      idempotencyKey: send.idempotencyKey,
      messagingTag: check.needsHumanAgent ? 'HUMAN_AGENT' : null,
      ...(privately ? { privately } : {}),
    };
    // The platform drops a repeat of the key only for a while after the first attempt; past that
    // (or when that attempt's time is unknown, for a platform whose window ends), ask it first.
    const window = connector.idempotencyWindowMs;
    const isWithinWindow = window === Infinity || (send.firstHandedOverAt !== null && now - send.firstHandedOverAt < window);
    let already: SentReply | null | 'unknown';
    try {
      already = send.mayHaveReached && !isWithinWindow ? await this.call((signal) => connector.findSent(request, signal)) : null;
    } catch (error) {
      return this.afterFailure(send, error);
    }
    if (already === 'unknown') return { state: 'needs_check', error: NEEDS_CHECK };
    // Committed before the call: the window starts with the first attempt that may reach the platform.
    if (!already) markHandedOver(this.ctx.db, send.seq, now);
    let sent: SentReply;
    try {
      sent = already ?? (await this.call((signal) => connector.reply(request, signal)));
    } catch (error) {
      return this.afterFailure(send, error, { wasHandedOver: true });
    }
    try {
      recordSentReply(this.ctx, send, sent);
    } catch (error) {
      // It is on the platform; a retry finds it there (findSent) rather than posting again.
      return { state: 'failed', error: `Sent, but not recorded here: ${messageOf(error)}`, mayHaveReached: true };
    }
    this.options.onSent?.(send, this.ctx.clock());
    return { state: 'sent', externalId: sent.externalId };
  }

  /**
   * `wasHandedOver`: the error came from the platform call itself. A refusal (permanent, 429) or
   * no connection (offline) means it did not get there; a timeout, a 5xx or an unexpected error
   * may have come after the platform took it. Only a permanent refusal or a transient error
   * counts toward giving up and lengthens the backoff: an hour offline or rate-limited says
   * nothing about the reply, and must not leave one 5xx to fail it for good.
   */
  private afterFailure(send: ClaimedSend, error: unknown, { wasHandedOver = false } = {}): AttemptOutcome {
    const now = this.ctx.clock();
    const message = messageOf(error);
    const isUnclear = wasHandedOver && (!(error instanceof ConnectorError) || error.kind === 'transient');
    if (!(error instanceof ConnectorError) || error.kind === 'permanent') return { state: 'failed', error: message, mayHaveReached: isUnclear, isCounted: true };
    const failures = error.kind === 'transient' ? send.attempts + 1 : send.attempts;
    const delay = retryDelayMs(this.backoff, failures, error.retryAfterMs, this.random());
    switch (error.kind) {
      case 'not_found':
        return { state: 'failed', error: goneReason(send), isCounted: true };
      case 'rate_limited':
        this.pausedUntil.set(send.accountId, now + delay);
        return { state: 'queued', notBefore: now + delay, error: message };
      // The token was refused: the account must be reconnected (the accounts service marks it so).
      // Its connector goes, so its rows wait, uncounted, and go again once it is back.
      case 'auth':
        this.ctx.connectors.reportRefused(send.accountId, message);
        return { state: 'queued', notBefore: now, error: message };
      case 'offline':
        return { state: 'queued', notBefore: now + Math.min(delay, OFFLINE_RETRY_MAX_MS), error: message };
      case 'transient':
        if (failures >= this.backoff.maxAttempts) return { state: 'failed', error: `Gave up after ${failures} attempts: ${message}`, mayHaveReached: isUnclear, isCounted: true };
        return { state: 'queued', notBefore: now + delay, error: message, mayHaveReached: isUnclear, isCounted: true };
    }
  }

  /**
   * Connected, this desktop's to work (its lease, in a team) and not rate-limited: a reply for
   * any other account waits, its attempts uncounted (another desktop's for the lease holder).
   */
  private sendableAccounts(): string[] {
    const now = this.ctx.clock();
    const gate = this.options.gate ?? EVERY_ACCOUNT;
    for (const [account, until] of this.pausedUntil) if (until <= now) this.pausedUntil.delete(account);
    return this.ctx.connectors.connectedAccountIds().filter((account) => gate.mayWork(account) && !this.pausedUntil.has(account));
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.isStopped) return;
    const now = this.ctx.clock();
    // A busy lane re-arms when it ends: counting its due rows now would wake the worker in a loop.
    const due = nextDueAt(this.ctx.db, this.sendableAccounts().filter((accountId) => !this.lanes.isBusy(accountId)));
    const resumes = Math.min(...this.pausedUntil.values());
    const next = Math.min(due ?? Infinity, resumes);
    if (next === Infinity) return;
    this.wakeIn(Math.min(Math.max(next - now, 0), MAX_WAIT_MS));
  }

  private wakeIn(ms: number): void {
    this.timer = setTimeout(() => this.kick(), ms);
    this.timer.unref();
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The platform says what was answered or moderated is gone: said in words, never retried. */
function goneReason(send: ClaimedSend): string {
  const platform = PLATFORM_NAMES[send.platform];
  return send.outboxKind === 'moderation' ? `The message or its author is no longer on ${platform}.` : `The message you answered was deleted on ${platform}.`;
}
