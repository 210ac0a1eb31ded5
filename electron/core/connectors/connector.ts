import type { AccountCheck, AccountLimitsView, AccountNoticeCode } from '../../../shared/api/accounts';
import type { ReplyCheck } from '../../../shared/api/replies';
import type { ModerationAction } from '../../../shared/domain/moderation';
import type { Platform } from '../../../shared/domain/platform';

export type { ModerationAction } from '../../../shared/domain/moderation';

/**
 * The one interface every platform connector implements (demo included), version 2: one
 * instance per connected account, built from the stored account and its secret (see
 * ConnectorFactory). Connectors normalise platform payloads; ingest validates, stores and
 * quarantines. Every platform call takes an AbortSignal and has a timeout of its own: the sync
 * engine and the outbox abort a call that hangs, and one account never waits for another.
 */
export interface Connector {
  readonly platform: Platform;
  /** What this account may post: the composer shows it live, the outbox checks it again before sending. */
  readonly limits: ReplyLimits;
  /**
   * How long the platform itself drops a second post carrying the same idempotency key: a send
   * interrupted by a crash or a timeout within this window may simply be sent again; past it
   * (or with 0) the outbox asks `findSent` first. Infinity: forever (a Bluesky record key derived
   * from the key); Mastodon's `Idempotency-Key` lasts about an hour; 0: the platform has none.
   */
  readonly idempotencyWindowMs: number;
  /** What this account's rights let the brand do (they differ per account); the UI offers only these. */
  readonly moderation: readonly ModerationAction[];
  /**
   * One page of what changed since `cursors`: new items, updates to known ones (edits, deletions,
   * hidden state) and payloads it could not normalise. Never moves a cursor it did not finish:
   * the engine stores the returned cursors only once the page is ingested, so a crash replays it.
   */
  sync(request: SyncRequest): Promise<SyncPage>;
  reply(request: ReplyRequest, signal: AbortSignal): Promise<SentReply>;
  /**
   * The reply this request already produced on the platform, if any: null when the thread shows it
   * was not posted, 'unknown' when the platform cannot tell. Called before any second attempt
   * outside the idempotency window.
   */
  findSent(request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null | 'unknown'>;
  /**
   * Asks the platform to moderate one message, refusing an action outside `moderation` with a
   * permanent ConnectorError. Must be idempotent, since the outbox re-sends after a crash or an
   * unclear failure instead of asking first: hiding a hidden reply is fine, and deleting one
   * already deleted (the platform's "not found") is a success. Returns what undoing it needs.
   */
  moderate(request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone>;
  /**
   * The platform's limits as they stand for this account (quota or spend, the latest rate-limit
   * answer) and what the platform keeps from a desktop inbox; absent where there is nothing to show.
   */
  limitsView?(): AccountLimitsView;
  /**
   * A live check with read-only calls only (who the token is, one page of the inbox), each step
   * said; nothing is stored and no cursor moves. `accounts check ID` on the command line.
   */
  check?(signal: AbortSignal): Promise<AccountCheck['steps']>;
  /** The account is paused, disconnected or the core closes: timers and sockets end here. */
  close(): void;
}

/** Builds the connector of one stored account; the registry keeps one per connected account. */
export interface ConnectorFactory {
  readonly platform: Platform;
  /** May load the platform's code first (a platform SDK is large): whoever opens awaits it. */
  open(account: ConnectorAccount, secret: string, io: ConnectorIo): Connector | Promise<Connector>;
}

/** What a connector knows of its account: never the secret's storage, only its value. */
export type ConnectorAccount = {
  id: string;
  platform: Platform;
  /** The platform's id of the brand's account (a Bluesky DID, a Mastodon account URI). */
  externalId: string;
  handle: string;
  /** The server it lives on (a PDS, a Mastodon instance), or null where the platform has one. */
  server: string | null;
};

export type ConnectorIo = {
  now: () => number;
  /** Stores a refreshed secret (a rotated session) before the connector uses it. */
  saveSecret: (secret: string) => Promise<void>;
  /** fetch as the core allows it: 127.0.0.1 in tests, the platform's hosts in the app. */
  fetch: typeof fetch;
  /** The person's own app on the platform (client id and secret), for a token refresh; null where the platform has none (Bluesky, Mastodon, the demo). */
  app: PlatformAppCredentials | null;
  /** What the account's calls cost, kept per period across restarts (YouTube's quota units, X's dollars). */
  usage: UsageMeter;
};

/** A wave-2 platform app's credentials: the client id is public, the secret (when the platform gives one) comes from the secret store. */
export type PlatformAppCredentials = { clientId: string; clientSecret: string | null };

/**
 * An account's spending on its platform, per period the connector names: YouTube's quota is per
 * Pacific day (`2026-12-05`), X's pay-per-use per month (`2026-12`). Kept in SQLite, so a restart
 * does not forget what today already cost.
 */
export interface UsageMeter {
  /** Adds what one call cost to a period's total. */
  add(period: string, amount: number): void;
  /** What a period has cost so far. */
  spent(period: string): number;
  /** The person's monthly limit (X), in the platform's unit; null: none set. */
  monthlyBudget(): number | null;
}

/** Named positions of one account's sync, e.g. `notifications`, `dms`, `backfill`. */
export type Cursors = Readonly<Record<string, string>>;

export type SyncRequest = {
  cursors: Cursors;
  signal: AbortSignal;
  /** With no cursor yet, fetch back to this time (epoch ms): the first backfill. */
  backfillSince: number;
  /**
   * Recent messages already stored (newest first, at most a few hundred) that the connector may
   * read again, in batches, to notice an edit or a deletion its notifications do not announce.
   */
  recheck: readonly { externalId: string; ref: PlatformRef }[];
};

export type SyncPage = {
  /** Normalised items; typed loosely on purpose: ingest validates each one and quarantines failures. */
  items: unknown[];
  /** Changes to known messages (`MessageUpdateInput`), validated by ingest the same way. */
  updates: unknown[];
  /** Platform payloads the connector could not even normalise, kept in quarantine with why. */
  rejected: { payload: unknown; reason: string }[];
  /** Cursors to store once this page is in; a name left out keeps its value, null clears it. */
  cursors: Record<string, string | null>;
  /** More is ready now (a backfill in progress): the engine asks again at once. */
  hasMore: boolean;
  /** How far the backfill is, 0 to 1, when the connector can tell. */
  progress: number | null;
  /**
   * Something the person should fix that did not stop the sync (Bluesky DMs that the app
   * password does not allow), shown on the account; `code` is what the UI translates.
   */
  notice?: { code: AccountNoticeCode; message: string } | null;
};

/**
 * How a platform call failed, which decides what happens next: `offline` and `transient` (5xx,
 * timeouts) retry with backoff, `rate_limited` (429) pauses the whole account until
 * `retryAfterMs`, `auth` (an expired or revoked token) stops the account until the person
 * reconnects it (its outbox waits, nothing is failed), `not_found` (what was answered or
 * moderated is gone), `permanent` (policy, other 4xx) fails at once with the reason.
 * Any other error a connector throws counts as permanent: a bug must not loop.
 */
export class ConnectorError extends Error {
  override name = 'ConnectorError';
  constructor(
    message: string,
    readonly kind: 'offline' | 'transient' | 'rate_limited' | 'auth' | 'not_found' | 'permanent',
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** What a platform accepts as a reply: the composer shows it live, the outbox checks it again before sending. */
export type ReplyLimits = {
  /** Maximum length of a public reply, in `lengthUnit`. */
  maxLength: number;
  lengthUnit: ReplyCheck['lengthUnit'];
  /** Maximum length of a direct message, when it differs. */
  dmMaxLength: number | null;
  /** How a direct message's length is counted, when it differs (Instagram's Send API: UTF-8 bytes). A private reply is a DM. */
  dmLengthUnit?: ReplyCheck['lengthUnit'];
  /** How long after the person's last message a DM can still be answered; null: no window. */
  dmReplyWindowMs: number | null;
  /** Meta's HUMAN_AGENT tag: a person (never an automation) may still answer this long after. */
  dmHumanAgentWindowMs: number | null;
  /** X: only a post that mentions or quotes the account can be answered. */
  repliesNeedMention: boolean;
  /** Instagram: a comment hidden on the platform cannot be answered. */
  hiddenCommentsTakeNoReply: boolean;
  /**
   * Meta's Private Replies: a comment's author may be answered once in private (Messenger), this
   * long after the comment was written. Absent: the platform has no private replies.
   */
  privateReplyWindowMs?: number;
};

/** What a connector stored with a message (`IncomingItem.ref`), handed back to it as it was. */
export type PlatformRef = Readonly<Record<string, unknown>> | null;

export type ReplyRequest = {
  threadExternalId: string;
  /** The platform reference of the thread's first message (a Bluesky thread root's URI and CID). */
  threadRef: PlatformRef;
  /** The message answered: a comment for a comment reply; null for a DM. */
  inReplyToExternalId: string | null;
  /** The answered message's platform reference (Bluesky URI and CID; Mastodon id, visibility, mentions). */
  inReplyToRef: PlatformRef;
  kind: 'comment' | 'dm' | 'mention';
  text: string;
  /** Same key, same reply: a connector never posts twice for one key. */
  idempotencyKey: string;
  /** Meta's tag for a human answer past the 24-hour window (within 7 days). */
  messagingTag: 'HUMAN_AGENT' | null;
  /**
   * A comment answered in private (Meta's Private Replies: one Messenger message to its author);
   * only sent to a connector whose limits have `privateReplyWindowMs`. Absent: a public reply.
   */
  privately?: boolean;
};

export type SentReply = { externalId: string; createdAt: number; permalink: string | null; ref?: PlatformRef };

/**
 * The `kind` of a private reply's stored reference (Facebook's and Instagram's refs name it so;
 * the outbox sets it on whatever a connector returns for one): the thread reads it to show the
 * message as a private reply, on every desktop of the team, since the reference travels with it.
 */
export const PRIVATE_REPLY_REF_KIND = 'private_reply';

export type ModerationRequest = {
  action: ModerationAction;
  messageExternalId: string;
  messageRef: PlatformRef;
  authorExternalId: string;
  /** What an earlier action stored to be undone (unblocking deletes the block record it made). */
  undoRef: string | null;
  /** Why, for a report: the person's words, or null. */
  reason: string | null;
};

/** `undoRef`: what undoing the action will need (a Bluesky block record's URI); null when nothing. */
export type ModerationDone = { undoRef: string | null };
