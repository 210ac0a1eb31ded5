import type { IncomingItemInput } from '../../../shared/domain/incomingItem';
import type { ModerationAction } from '../../../shared/domain/moderation';
import type { Platform } from '../../../shared/domain/platform';

export type { ModerationAction } from '../../../shared/domain/moderation';

/**
 * The one interface every platform connector implements (demo included). Connectors
 * normalise platform payloads; ingest validates, stores and quarantines.
 */
export interface Connector {
  readonly platform: Platform;
  readonly limits: ReplyLimits;
  /** One page of new items after `cursor` (null: from the start). Never loses a cursor on error. */
  poll(cursor: string | null): Promise<PollResult>;
  /**
   * Whether the platform itself drops a second post carrying the same idempotency key (Mastodon's
   * `Idempotency-Key`, a Bluesky record key derived from it). Then a send interrupted by a crash
   * or a timeout may simply be sent again; otherwise the outbox asks `findSent` first.
   */
  readonly dedupesByKey: boolean;
  reply(request: ReplyRequest): Promise<SentReply>;
  /**
   * The reply this request already produced on the platform, if any: null when the thread shows it
   * was not posted, 'unknown' when the platform cannot tell. Called before any second attempt.
   */
  findSent(request: ReplyRequest): Promise<SentReply | null | 'unknown'>;
  /** What this platform's API lets a brand do to others' messages; the UI offers only these. */
  readonly moderation: readonly ModerationAction[];
  /**
   * Asks the platform to moderate one message, refusing an action outside `moderation` with a
   * permanent ConnectorError. Must be idempotent, since the outbox re-sends after a crash or an
   * unclear failure instead of asking first: hiding a hidden comment is fine, and deleting one
   * already deleted (the platform's "not found") is a success.
   */
  moderate(request: ModerationRequest): Promise<void>;
}

/**
 * How a platform call failed, which decides what the outbox does next: `offline` and
 * `transient` (5xx, timeouts) retry with backoff, `rate_limited` (429) pauses the whole account
 * until `retryAfterMs`, `permanent` (policy, other 4xx) fails at once with the reason.
 * Any other error a connector throws counts as permanent: a bug must not loop.
 */
export class ConnectorError extends Error {
  override name = 'ConnectorError';
  constructor(
    message: string,
    readonly kind: 'offline' | 'transient' | 'rate_limited' | 'permanent',
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export type PollResult = {
  /** Normalised items; typed loosely on purpose: ingest validates each one and quarantines failures. */
  items: (IncomingItemInput | Record<string, unknown>)[];
  nextCursor: string | null;
};

/** What a platform accepts as a reply: the composer shows it live, the outbox checks it again before sending. */
export type ReplyLimits = {
  /** Maximum length of a public reply, in `lengthUnit`. */
  maxLength: number;
  lengthUnit: 'characters' | 'graphemes' | 'twitter-weighted';
  /** Maximum length of a direct message, when it differs. */
  dmMaxLength: number | null;
  /** How long after the person's last message a DM can still be answered; null: no window. */
  dmReplyWindowMs: number | null;
  /** Meta's HUMAN_AGENT tag: a person (never an automation) may still answer this long after. */
  dmHumanAgentWindowMs: number | null;
  /** X: only a post that mentions or quotes the account can be answered. */
  repliesNeedMention: boolean;
  /** Instagram: a comment hidden on the platform cannot be answered. */
  hiddenCommentsTakeNoReply: boolean;
};

export type ReplyRequest = {
  threadExternalId: string;
  /** The message answered: a comment for a comment reply; null for a DM. */
  inReplyToExternalId: string | null;
  kind: 'comment' | 'dm' | 'mention';
  text: string;
  /** Same key, same reply: a connector never posts twice for one key. */
  idempotencyKey: string;
  /** Meta's tag for a human answer past the 24-hour window (within 7 days). */
  messagingTag: 'HUMAN_AGENT' | null;
};

export type SentReply = { externalId: string; createdAt: number; permalink: string | null };

export type ModerationRequest = { action: ModerationAction; messageExternalId: string; authorExternalId: string };
