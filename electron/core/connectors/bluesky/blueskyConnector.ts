import { ConnectorError, type Connector, type ConnectorIo, type ModerationAction, type ModerationDone, type ModerationRequest, type ReplyLimits, type ReplyRequest, type SentReply, type SyncPage, type SyncRequest } from '../connector';
import { OPEN_REPLIES } from '../replyLimits';
import type { BlueskyClient } from './blueskyClient';
import { findDm, sendDm, DM_MAX_GRAPHEMES } from './blueskyDmReply';
import { syncDms } from './blueskyDms';
import { ChatNotAllowedError } from './blueskyErrors';
import { moderateOnBluesky, BLUESKY_MODERATION } from './blueskyModeration';
import { recheckPosts } from './blueskyRecheck';
import { findReply, postReply, POST_MAX_GRAPHEMES } from './blueskyReply';
import { syncNotifications } from './blueskySync';

export const BLUESKY_LIMITS: ReplyLimits = { ...OPEN_REPLIES, maxLength: POST_MAX_GRAPHEMES, lengthUnit: 'graphemes', dmMaxLength: DM_MAX_GRAPHEMES };

/** One Bluesky account: its notifications as the inbox, replies as posts, moderation through its own rights. */
export class BlueskyConnector implements Connector {
  readonly platform = 'bluesky' as const;
  readonly limits = BLUESKY_LIMITS;
  /** A reply's record key comes from its idempotency key: the PDS never creates it twice. */
  readonly idempotencyWindowMs = Infinity;
  readonly moderation: readonly ModerationAction[] = BLUESKY_MODERATION;

  constructor(
    private readonly client: BlueskyClient,
    private readonly io: ConnectorIo,
  ) {}

  /**
   * A page of notifications; once they are caught up, the stored posts are checked for deletions
   * and the DMs are read. DMs that cannot be read leave a notice and never stop the rest, except
   * when the whole account is refused or rate-limited.
   */
  async sync(request: SyncRequest): Promise<SyncPage> {
    const page = await syncNotifications(this.client, request);
    if (page.hasMore) return { ...page, updates: [] };
    const updates = await recheckPosts(this.client, request, this.io.now());
    try {
      const dms = await syncDms(this.client, request, this.io.now());
      return { ...page, items: [...page.items, ...dms.items], updates: [...updates, ...dms.updates], rejected: [...page.rejected, ...dms.rejected], cursors: { ...page.cursors, ...dms.cursors } };
    } catch (error) {
      if (!(error instanceof ConnectorError) || error.kind === 'auth' || error.kind === 'rate_limited') throw error;
      return { ...page, updates, notice: { code: error instanceof ChatNotAllowedError ? 'dms_not_allowed' : 'dms_unavailable', message: error.message } };
    }
  }

  reply(request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
    return request.kind === 'dm' ? sendDm(this.client, request, signal) : postReply(this.client, request, this.io.now(), signal);
  }

  findSent(request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
    return request.kind === 'dm' ? findDm(this.client, request, signal) : findReply(this.client, request, signal);
  }

  moderate(request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
    return moderateOnBluesky(this.client, request, this.io.now(), signal);
  }

  /** Nothing to end: every call carries its own signal and timeout. */
  close(): void {}
}
