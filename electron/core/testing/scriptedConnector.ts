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

/** What the fake platform does with the next call: take it, refuse it, or take it and answer with an error (a timeout after delivery). */
export type ScriptStep = 'accept' | ConnectorError | { acceptThen: ConnectorError };

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
    private readonly options: { dedupesByKey?: boolean; canLookUp?: boolean; limits?: ReplyLimits; moderation?: readonly ModerationAction[]; now: () => number },
  ) {
    this.limits = options.limits ?? DEMO_LIMITS.facebook;
  }

  get idempotencyWindowMs(): number {
    return this.options.dedupesByKey ? Infinity : 0;
  }

  get moderation(): readonly ModerationAction[] {
    return this.options.moderation ?? MODERATION_ACTIONS;
  }

  async sync(): Promise<SyncPage> {
    return { items: [], updates: [], rejected: [], cursors: {}, hasMore: false, progress: null };
  }

  close(): void {}

  async reply(request: ReplyRequest): Promise<SentReply> {
    const step = this.nextStep();
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

  async moderate(request: ModerationRequest): Promise<ModerationDone> {
    if (!this.moderation.includes(request.action)) throw new ConnectorError(`Scripted: cannot ${request.action}`, 'permanent');
    const step = this.nextStep();
    this.moderated.push(request);
    if (step !== 'accept') throw step.acceptThen;
    return { undoRef: null };
  }

  /** The next step, thrown at once when it is a refusal. */
  private nextStep(): 'accept' | { acceptThen: ConnectorError } {
    const step = this.script.shift() ?? 'accept';
    if (step instanceof ConnectorError) throw step;
    return step;
  }
}
