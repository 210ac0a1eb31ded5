import type { AccountCheck, AccountLimitsView } from '../../../../shared/api/accounts';
import type { ModerationAction } from '../../../../shared/domain/moderation';
import type { Connector, ModerationDone, ModerationRequest, ReplyLimits, ReplyRequest, SentReply, SyncPage, SyncRequest, UsageMeter } from '../connector';
import { OPEN_REPLIES } from '../replyLimits';
import { YoutubeHttp } from './youtubeHttp';
import { YOUTUBE_MODERATION, moderateOnYoutube } from './youtubeModeration';
import { YoutubeQuota } from './youtubeQuota';
import { RECHECK_EVERY_MS, recheckComments, type Announced } from './youtubeRecheck';
import { findReply, postReply } from './youtubeReply';
import type { RefreshingToken } from '../oauth/refreshingToken';
import type { YoutubeSecret } from './youtubeSecret';
import { checkYoutube } from './youtubeCheck';
import { syncYoutube } from './youtubeSync';
import { newRepliesOfRecentThreads } from './youtubeThreadRecheck';
import { ClosableConnector } from '../closableConnector';

/**
 * What YouTube takes as a reply: plain text, no DMs. The reference names no length, only the
 * `commentTextTooLong` error; 10,000 characters is what YouTube's own comment box allows.
 */
export const YOUTUBE_LIMITS: ReplyLimits = { ...OPEN_REPLIES, maxLength: 10_000, lengthUnit: 'characters', dmMaxLength: null };

export type YoutubeConnectorOptions = { origin: string; session: RefreshingToken<YoutubeSecret>; usage: UsageMeter; fetch: typeof fetch; now: () => number };

/** One YouTube channel: its comment threads, replies and moderation, within the project's daily quota. */
export class YoutubeConnector extends ClosableConnector implements Connector {
  readonly platform = 'youtube';
  readonly limits = YOUTUBE_LIMITS;
  /** YouTube has no idempotency key: a second attempt is always preceded by findSent. */
  readonly idempotencyWindowMs = 0;
  readonly moderation: readonly ModerationAction[] = YOUTUBE_MODERATION;
  private readonly quota: YoutubeQuota;
  private readonly http: YoutubeHttp;
  /** Whether the sign-in may list held comments; learnt from the first refusal. */
  private readonly sees = { held: true };
  private lastRecheckAt = Number.NEGATIVE_INFINITY;
  private readonly announced: Announced = { edits: new Map(), hidden: new Map() };

  constructor(private readonly options: YoutubeConnectorOptions) {
    super('The YouTube connector was closed.');
    this.quota = new YoutubeQuota(options.usage, options.now);
    this.http = new YoutubeHttp({ origin: options.origin, session: options.session, quota: this.quota, fetch: options.fetch, now: options.now });
  }

  private get channelId(): string {
    return this.options.session.secret.channelId;
  }

  /**
   * One page of the walk; at the end of a pass, every 15 minutes, the recent comments and their
   * threads are read again (2 units): edits, deletions and new replies to older threads.
   */
  async sync(request: SyncRequest): Promise<SyncPage> {
    const signal = this.signal(request.signal);
    const deps = { http: this.http, quota: this.quota, channelId: this.channelId, now: this.options.now, sees: this.sees };
    const page = await syncYoutube(deps, { ...request, signal });
    const now = this.options.now();
    if (page.hasMore || now - this.lastRecheckAt < RECHECK_EVERY_MS) return page;
    this.lastRecheckAt = now;
    const rechecked = { ...request, signal };
    const replies = await newRepliesOfRecentThreads(this.http, this.quota, this.channelId, rechecked, page);
    const changes = await recheckComments(this.http, this.quota, rechecked, now, this.announced);
    return { ...page, items: [...page.items, ...replies.items], updates: [...page.updates, ...replies.updates, ...changes], rejected: [...page.rejected, ...replies.rejected] };
  }

  reply(request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
    return postReply(this.http, this.quota, this.channelId, request, this.signal(signal));
  }

  findSent(request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
    return findReply(this.http, this.channelId, request, this.signal(signal));
  }

  moderate(request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
    return moderateOnYoutube(this.http, this.quota, this.channelId, request, this.signal(signal));
  }

  limitsView(): AccountLimitsView {
    return { budget: this.quota.budget(), rateLimit: this.quota.rateLimit(), cannot: ['youtube_no_dms'] };
  }

  check(signal: AbortSignal): Promise<AccountCheck['steps']> {
    return checkYoutube(this.http, this.channelId, this.signal(signal));
  }
}
