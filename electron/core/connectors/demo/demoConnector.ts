import { createHash } from 'node:crypto';
import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import type { Platform } from '../../../../shared/domain/platform';
import type { Connector, ModerationRequest, PollResult, ReplyLimits, ReplyRequest, SentReply } from '../connector';
import { DEMO_BRAND_ACCOUNTS } from './demoBrand';
import { DEMO_LIMITS } from './demoLimits';
import { THREAD_KIND_WEIGHTS } from './demoMix';
import { messagePermalink } from './demoPermalinks';
import { demoSchedule, type DemoScheduleOptions } from './demoSchedule';
import type { ItemTimes } from './demoStream';
import { DemoStream } from './demoStream';
import { replyLength } from './replyLength';

export type DemoConnectorOptions = DemoScheduleOptions & {
  pageSize: number;
  now: () => number;
};

const CURSOR = /^(0|[1-9][0-9]*)$/;

/**
 * A connector that plays a fictional brand's inbox: deterministic items from the seed, a
 * backlog then a live trickle gated by `now()`, and replies and moderation recorded in memory.
 */
export class DemoConnector implements Connector {
  readonly platform: Platform;
  readonly limits: ReplyLimits;
  private readonly stream: DemoStream;
  private readonly times: ItemTimes;
  private readonly replies: ReplyRequest[] = [];
  private readonly moderations: ModerationRequest[] = [];
  private readonly sent = new Map<string, SentReply>();

  constructor(private readonly options: DemoConnectorOptions) {
    checkOptions(options);
    this.platform = options.platform;
    this.limits = DEMO_LIMITS[options.platform];
    this.times = demoSchedule(options);
    this.stream = new DemoStream(options.seed, options.platform, this.times);
  }

  /** Replies accepted, in order; a retried idempotency key is recorded once. */
  get receivedReplies(): readonly ReplyRequest[] {
    return this.replies;
  }

  get receivedModerations(): readonly ModerationRequest[] {
    return this.moderations;
  }

  /** The cursor is the index of the next item, in decimal. */
  async poll(cursor: string | null): Promise<PollResult> {
    const start = parseCursor(cursor);
    const now = this.options.now();
    const items: IncomingItemInput[] = [];
    while (items.length < this.options.pageSize && this.times(start + items.length) <= now) {
      items.push(this.stream.entryAt(start + items.length).item);
    }
    return { items, nextCursor: items.length === 0 ? cursor : String(start + items.length) };
  }

  async reply(request: ReplyRequest): Promise<SentReply> {
    const earlier = this.sent.get(request.idempotencyKey);
    if (earlier !== undefined) return earlier;
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
    this.sent.set(request.idempotencyKey, sent);
    this.replies.push(request);
    return sent;
  }

  async moderate(request: ModerationRequest): Promise<void> {
    this.moderations.push(request);
  }

  /** Refuses what the platform would refuse: empty text, text over the limit, DMs it lacks. */
  private checkReply(request: ReplyRequest): void {
    const { platform, limits } = this;
    if (request.text.trim() === '') throw new Error(`Demo ${platform}: a reply needs some text`);
    if (request.kind === 'dm' && !THREAD_KIND_WEIGHTS[platform].some(([kind]) => kind === 'dm')) {
      throw new Error(`Demo ${platform}: this platform has no direct messages`);
    }
    const max = request.kind === 'dm' ? (limits.dmMaxLength ?? limits.maxLength) : limits.maxLength;
    const length = replyLength(request.text, limits.lengthUnit);
    if (length > max) {
      throw new Error(`Demo ${platform}: reply is ${length} ${limits.lengthUnit} long, over the limit of ${max}`);
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
