import { createHash } from 'node:crypto';
import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import type { Platform } from '../../../../shared/domain/platform';
import { ConnectorError, type Connector, type ModerationAction, type ModerationDone, type ModerationRequest, type ReplyLimits, type SyncPage, type SyncRequest, type ReplyRequest, type SentReply } from '../connector';
import { DEMO_BRAND_ACCOUNTS } from './demoBrand';
import { DEMO_LIMITS } from './demoLimits';
import { DEMO_MODERATION } from './demoModeration';
import { THREAD_KIND_WEIGHTS } from './demoMix';
import { messagePermalink } from './demoPermalinks';
import { memoryReceivedLog, type DemoReceivedLog } from './demoReceivedLog';
import { demoSchedule, type DemoScheduleOptions } from './demoSchedule';
import type { ItemTimes } from './demoStream';
import { DemoStream } from './demoStream';
import { measureReply } from '../../replies/replyLength';

export type DemoConnectorOptions = DemoScheduleOptions & {
  pageSize: number;
  now: () => number;
  /** Where the fictional platform keeps what it received; in memory unless given. */
  received?: DemoReceivedLog;
};

const CURSOR = /^(0|[1-9][0-9]*)$/;
export const STREAM_CURSOR = 'stream';

/**
 * A connector that plays a fictional brand's inbox: deterministic items from the seed, a
 * backlog then a live trickle gated by `now()`, and replies and moderation recorded. Like most
 * platforms it has no idempotency of its own: the outbox relies on `findSent` after a crash.
 */
export class DemoConnector implements Connector {
  readonly platform: Platform;
  readonly limits: ReplyLimits;
  readonly idempotencyWindowMs = 0;
  readonly moderation: readonly ModerationAction[];
  private readonly stream: DemoStream;
  private readonly times: ItemTimes;
  private readonly received: DemoReceivedLog;

  constructor(private readonly options: DemoConnectorOptions) {
    checkOptions(options);
    this.platform = options.platform;
    this.limits = DEMO_LIMITS[options.platform];
    this.moderation = DEMO_MODERATION[options.platform];
    this.times = demoSchedule(options);
    this.stream = new DemoStream(options.seed, options.platform, this.times);
    this.received = options.received ?? memoryReceivedLog();
  }

  /** Every reply posted, in order, a second post with the same key included. */
  get receivedReplies(): readonly ReplyRequest[] {
    return this.received.all().map(({ request }) => request);
  }

  /** Every moderation call, in order, repeats included. */
  get receivedModerations(): readonly ModerationRequest[] {
    return this.received.moderations();
  }

  /** One cursor, `stream`: the index of the next item, in decimal. The demo has no edits. */
  // Its items typed: the demo workspace names the teammate behind each brand reply.
  async sync({ cursors }: SyncRequest): Promise<SyncPage & { items: IncomingItemInput[] }> {
    const start = parseCursor(cursors[STREAM_CURSOR] ?? null);
    const now = this.options.now();
    const items: IncomingItemInput[] = [];
    while (items.length < this.options.pageSize && this.times(start + items.length) <= now) {
      items.push(this.stream.entryAt(start + items.length).item);
    }
    const cursorsAfter: Record<string, string> = items.length === 0 ? {} : { [STREAM_CURSOR]: String(start + items.length) };
    return { items, updates: [], rejected: [], cursors: cursorsAfter, hasMore: items.length === this.options.pageSize, progress: null };
  }

  close(): void {}

  async reply(request: ReplyRequest): Promise<SentReply> {
    this.checkReply(request);
    const { seed, platform } = this.options;
    const digest = createHash('sha256').update(request.idempotencyKey).digest('hex').slice(0, 20);
    const externalId = `demo-${platform}-s${seed}-r${digest}`;
    const sent: SentReply = {
      externalId,
      createdAt: this.options.now(),
      permalink: messagePermalink({
        platform,
        kind: request.kind === 'comment' ? 'reply' : request.kind,
        externalId,
        threadExternalId: request.threadExternalId,
        authorHandle: DEMO_BRAND_ACCOUNTS[platform].handle,
        postPermalink: null,
      }),
    };
    this.received.record({ request, sent });
    return sent;
  }

  /** The demo's thread is its received log: it always knows whether a reply is there. */
  async findSent(request: ReplyRequest): Promise<SentReply | null> {
    return this.received.find(request.idempotencyKey) ?? null;
  }

  /** Idempotent as the interface asks: hiding twice is fine, and a second delete finds it gone, which is success. */
  async moderate(request: ModerationRequest): Promise<ModerationDone> {
    const { platform } = this;
    if (!this.moderation.includes(request.action)) {
      throw new ConnectorError(`Demo ${platform}: the API offers no way to ${request.action.replace('_', ' ')}`, 'permanent');
    }
    const isGone = this.received.moderations().some((done) => done.action === 'delete' && done.messageExternalId === request.messageExternalId);
    if (isGone && (request.action === 'hide' || request.action === 'unhide')) {
      throw new ConnectorError(`Demo ${platform}: comment ${request.messageExternalId} was deleted`, 'permanent');
    }
    this.received.recordModeration(request);
    return { undoRef: null };
  }

  /** Refuses what the platform would refuse: empty text, text over the limit, DMs it lacks. */
  private checkReply(request: ReplyRequest): void {
    const { platform, limits } = this;
    if (request.text.trim() === '') throw new ConnectorError(`Demo ${platform}: a reply needs some text`, 'permanent');
    if (request.kind === 'dm' && !THREAD_KIND_WEIGHTS[platform].some(([kind]) => kind === 'dm')) {
      throw new ConnectorError(`Demo ${platform}: this platform has no direct messages`, 'permanent');
    }
    // A private reply is a Messenger (or Instagram) message: the DM length holds.
    const isMessage = request.kind === 'dm' || request.privately === true;
    const max = isMessage ? (limits.dmMaxLength ?? limits.maxLength) : limits.maxLength;
    const unit = isMessage ? (limits.dmLengthUnit ?? limits.lengthUnit) : limits.lengthUnit;
    const { length, isAtLeast } = measureReply(request.text, unit, max);
    if (length > max) {
      throw new ConnectorError(`Demo ${platform}: reply is ${isAtLeast ? 'at least ' : ''}${length} ${unit} long, over the limit of ${max}`, 'permanent');
    }
  }
}

function parseCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  const index = CURSOR.test(cursor) ? Number(cursor) : NaN;
  if (!Number.isSafeInteger(index)) throw new Error(`Demo connector: malformed cursor ${JSON.stringify(cursor)}`);
  return index;
}

function checkOptions(options: DemoConnectorOptions): void {
  const { pageSize, backlogCount, backlogWindowMs, ratePerMinute, startedAt } = options;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new Error(`Demo pageSize must be a positive integer, got ${pageSize}`);
  if (!Number.isSafeInteger(backlogCount) || backlogCount < 0) throw new Error(`Demo backlogCount must be a non-negative integer, got ${backlogCount}`);
  if (!Number.isSafeInteger(backlogWindowMs) || backlogWindowMs < 0) throw new Error(`Demo backlogWindowMs must be a non-negative integer, got ${backlogWindowMs}`);
  if (!Number.isSafeInteger(startedAt) || startedAt < 0) throw new Error(`Demo startedAt must be an epoch in ms, got ${startedAt}`);
  if (!Number.isFinite(ratePerMinute) || ratePerMinute < 0) throw new Error(`Demo ratePerMinute must be ≥ 0, got ${ratePerMinute}`);
}
