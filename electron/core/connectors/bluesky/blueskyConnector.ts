import type { Connector, ConnectorIo, ModerationAction, ModerationDone, ModerationRequest, ReplyLimits, ReplyRequest, SentReply, SyncPage, SyncRequest } from '../connector';
import type { BlueskyClient } from './blueskyClient';
import { moderateOnBluesky, BLUESKY_MODERATION } from './blueskyModeration';
import { recheckPosts } from './blueskyRecheck';
import { findReply, postReply, POST_MAX_GRAPHEMES } from './blueskyReply';
import { syncNotifications } from './blueskySync';

export const BLUESKY_LIMITS: ReplyLimits = {
  maxLength: POST_MAX_GRAPHEMES,
  lengthUnit: 'graphemes',
  dmMaxLength: 1000,
  dmReplyWindowMs: null,
  dmHumanAgentWindowMs: null,
  repliesNeedMention: false,
  hiddenCommentsTakeNoReply: false,
};

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

  /** A page of notifications; once they are caught up, the stored posts are checked for deletions. */
  async sync(request: SyncRequest): Promise<SyncPage> {
    const page = await syncNotifications(this.client, request);
    const updates = page.hasMore ? [] : await recheckPosts(this.client, request, this.io.now());
    return { ...page, updates };
  }

  reply(request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
    return postReply(this.client, request, this.io.now(), signal);
  }

  findSent(request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
    return findReply(this.client, request, signal);
  }

  moderate(request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
    return moderateOnBluesky(this.client, request, this.io.now(), signal);
  }

  /** Nothing to end: every call carries its own signal and timeout. */
  close(): void {}
}
