import { MODERATION_ACTIONS } from '../../../shared/domain/moderation';
import {
  ConnectorError,
  type Connector,
  type ModerationAction,
  type ModerationDone,
  type ModerationRequest,
  type SyncPage,
  type ReplyLimits,
  type ReplyRequest,
  type SentReply,
} from '../connectors/connector';
import { DEMO_LIMITS } from '../connectors/demo/demoLimits';

/**
 * What the fake platform does with the next call: take it, refuse it, take it and answer with an
 * error (a timeout after delivery), or hang until the caller aborts the call.
 */
export type ScriptStep = 'accept' | 'hang' | ConnectorError | { acceptThen: ConnectorError };

/**
 * A platform under the test's control, behind the real Connector interface: it answers replies
 * and moderation calls from one script (accepting once the script runs out) and keeps the
 * thread it would show and every moderation call it took.
 */
export class ScriptedConnector implements Connector {
  readonly platform = 'facebook' as const;
  readonly limits: ReplyLimits;
  readonly posted: ReplyRequest[] = [];
  readonly lookups: ReplyRequest[] = [];
  /** Moderation calls the platform took, repeats included. */
  readonly moderated: ModerationRequest[] = [];
  private readonly thread = new Map<string, SentReply>();

  constructor(
    readonly script: ScriptStep[] = [],
    private readonly options: {
      dedupesByKey?: boolean;
      /** How long the platform drops a repeated key; by default forever when it dedupes, else never. */
      idempotencyWindowMs?: number;
      canLookUp?: boolean;
      limits?: ReplyLimits;
      moderation?: readonly ModerationAction[];
      /** What undoing each action will need, as the platform answers it (a block record's URI). */
      undoRefs?: Partial<Record<ModerationAction, string>>;
      now: () => number;
    },
  ) {
    this.limits = options.limits ?? DEMO_LIMITS.facebook;
  }

  get idempotencyWindowMs(): number {
    return this.options.idempotencyWindowMs ?? (this.options.dedupesByKey ? Infinity : 0);
  }

  get moderation(): readonly ModerationAction[] {
    return this.options.moderation ?? MODERATION_ACTIONS;
  }

  async sync(): Promise<SyncPage> {
    return { items: [], updates: [], rejected: [], cursors: {}, hasMore: false, progress: null };
  }

  close(): void {}

  async reply(request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
    const step = this.nextStep();
    if (step === 'hang') return hangUntilAborted(signal);
    const sent = this.thread.get(request.idempotencyKey) ?? { externalId: `posted-${this.thread.size + 1}`, createdAt: this.options.now(), permalink: null };
    if (!(this.options.dedupesByKey && this.thread.has(request.idempotencyKey))) this.posted.push(request);
    this.thread.set(request.idempotencyKey, sent);
    if (step !== 'accept') throw step.acceptThen;
    return sent;
  }

  async findSent(request: ReplyRequest): Promise<SentReply | null | 'unknown'> {
    this.lookups.push(request);
    if (this.options.canLookUp === false) return 'unknown';
    return this.thread.get(request.idempotencyKey) ?? null;
  }

  async moderate(request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
    if (!this.moderation.includes(request.action)) throw new ConnectorError(`Scripted: cannot ${request.action}`, 'permanent');
    const step = this.nextStep();
    if (step === 'hang') return hangUntilAborted(signal);
    this.moderated.push(request);
    if (step !== 'accept') throw step.acceptThen;
    return { undoRef: this.options.undoRefs?.[request.action] ?? null };
  }

  /** The next step, thrown at once when it is a refusal. */
  private nextStep(): Exclude<ScriptStep, ConnectorError> {
    const step = this.script.shift() ?? 'accept';
    if (step instanceof ConnectorError) throw step;
    return step;
  }
}

/** A platform that never answers: the call ends only when its caller gives up on it. */
function hangUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
}
