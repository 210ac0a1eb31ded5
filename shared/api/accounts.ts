import { z } from 'zod';
import type { Account } from '../domain/entities';
import { OAUTH_PLATFORMS, type OAuthPlatform } from '../domain/platform';
import { method } from './method';

/**
 * Where an account stands, as the Accounts view shows it. `connected`: synced and waiting for
 * the next pass; `needs_reconnecting`: the platform refused its token (sync stopped, its outbox
 * waits, nothing is lost); `paused` by the person; `disconnected`: its token forgotten, its
 * history kept (it can be connected again).
 */
export const ACCOUNT_STATES = ['connected', 'syncing', 'rate_limited', 'offline', 'needs_reconnecting', 'paused', 'failing', 'disconnected'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

/**
 * What a sync that otherwise worked could not do, shown on the account until a pass no longer
 * says it: its app password does not allow DMs, the platform's DM service did not answer, or
 * X's polling stopped because this month's budget is nearly spent (the rest is kept for replies).
 */
export type AccountNoticeCode = 'dms_not_allowed' | 'dms_unavailable' | 'x_budget_spent';

export type AccountProblem = {
  /** What went wrong, in words for the person (the core's English; the UI translates by `code`). */
  message: string;
  /** `withdrawn`: a teammate disconnected the account on their desktop (`message`: their name, or empty), so this one dropped its sign-in. */
  code: 'auth' | 'rate_limited' | 'offline' | 'server_error' | 'bad_data' | 'unexpected' | 'withdrawn' | AccountNoticeCode;
  at: number;
};

/** An account (`handle` as the platform shows it: `name.bsky.social`, `name@instance.social`) and how it is doing. */
export type AccountView = Account & {
  /** The server the account lives on (a PDS, a Mastodon instance); null for the demo and single-server platforms. */
  server: string | null;
  state: AccountState;
  /** During the first backfill: how far it is, 0 to 1; null otherwise or when the platform cannot tell. */
  backfillProgress: number | null;
  /** `rate_limited`: when the platform lets it sync again. */
  resumesAt: number | null;
  lastSyncAt: number | null;
  lastProblem: AccountProblem | null;
  syncIntervalMs: number;
  /** The platform's limits as this account stands (quota left, spend this month, rate limit) and what it cannot do; null when the platform has none to show. */
  limits: AccountLimitsView | null;
};

/**
 * What a platform lets an account do today, shown on the account. `budget`: YouTube's daily
 * quota (units, resets at midnight Pacific time) or X's pay-per-use spend this month (USD,
 * against the limit the person set); `isSlowed` when polling was slowed to keep replies in
 * reserve. `rateLimit`: the platform's latest answer about the calls left.
 */
export type AccountLimitsView = {
  budget: { unit: 'quota_units' | 'usd'; used: number; limit: number | null; resetsAt: number | null; isSlowed: boolean } | null;
  rateLimit: { remaining: number | null; limit: number | null; resetsAt: number | null } | null;
  /** What Pieuvre cannot do on this platform from a desktop, as codes the UI explains. */
  cannot: readonly AccountCannotCode[];
};

/** What a platform keeps from a desktop inbox, each explained in the Accounts view (fr/en). */
export const ACCOUNT_CANNOT_CODES = [
  /** Instagram: @mentions in other people's comments arrive only by webhook. */
  'instagram_mentions_by_webhook_only',
  /** Meta: a conversation shows its most recent messages only. */
  'meta_conversations_recent_only',
  /** Meta: a DM past 24 hours takes only a person's reply (HUMAN_AGENT), up to 7 days. */
  'meta_dm_window',
  /** YouTube has no DMs; replies cost quota. */
  'youtube_no_dms',
  /** X: a reply only where the author mentioned or quoted the account. */
  'x_replies_need_mention',
  /** X: every call is paid; DMs are read 15 requests per 15 minutes. */
  'x_pay_per_use',
  /** Reddit: API access needs Reddit's approval of the app. */
  'reddit_needs_approval',
] as const;
export type AccountCannotCode = (typeof ACCOUNT_CANNOT_CODES)[number];

/**
 * The person's own app on a platform, as the Accounts view shows it: its public client id and
 * whether a client secret is stored (never the secret). `redirectUri` is the loopback address
 * to register in the app's settings on the platform (exact for X and Reddit).
 */
export type PlatformAppView = { platform: OAuthPlatform; clientId: string | null; hasSecret: boolean; redirectUri: string };

/** What `accounts.check` found with read-only calls: each step, in order, and whether it worked. */
export type AccountCheck = { id: string; ok: boolean; steps: { step: string; ok: boolean; detail: string }[] };

/** How far back the first sync of a new account reads, in days. */
export const BACKFILL_DAYS = { min: 1, max: 90, default: 7 } as const;
export const SYNC_INTERVAL_MS = { min: 15_000, max: 3_600_000, default: 60_000 } as const;

const accountId = z.string().min(1).max(64);
/** A server's address as a person types it: `mastodon.social` or `https://pds.example`. */
const serverAddress = z.string().trim().min(1).max(253 + 16);

/**
 * A sign-in that waits for the person to finish it in their browser (Mastodon's OAuth).
 * `outOfBandUrl` is for a browser on another machine: the server shows a code there, which
 * `accounts.finishMastodonCode` takes until `expiresAt`, even after this sign-in is over.
 */
export type PendingSignIn = { signInId: string; authorizeUrl: string; outOfBandUrl: string; expiresAt: number };

/**
 * A wave-2 sign-in waiting for the person's browser: `authorizeUrl` is opened for them; the
 * platform sends the browser back to `redirectUri` on this computer until `expiresAt`.
 */
export type PendingOAuthSignIn = { signInId: string; platform: OAuthPlatform; authorizeUrl: string; redirectUri: string; expiresAt: number };

export const accountsContract = {
  'accounts.list': method<AccountView[]>()(z.strictObject({})),
  /** Signs in with a handle (or DID) and an app password; `server` for a self-hosted PDS. Reconnects when the account exists. */
  'accounts.connectBluesky': method<AccountView>()(
    z.strictObject({
      identifier: z.string().trim().min(1).max(253),
      appPassword: z.string().min(1).max(256),
      server: serverAddress.optional(),
    }),
  ),
  /** Registers Pieuvre on the server (once per server) and returns the address the person opens to sign in. */
  'accounts.startMastodon': method<PendingSignIn>()(z.strictObject({ server: serverAddress })),
  /**
   * Waits for the sign-in to come back to the loopback address, or takes the code the person
   * pasted (out of band); then stores the token and adds (or reconnects) the account.
   */
  'accounts.finishMastodon': method<AccountView>()(z.strictObject({ signInId: z.string().min(1).max(64), code: z.string().trim().min(1).max(512).optional() })),
  /** Takes the code shown at the latest `outOfBandUrl` for this server (maybe from an earlier process), then adds the account as `finishMastodon` does. */
  'accounts.finishMastodonCode': method<AccountView>()(z.strictObject({ server: serverAddress, code: z.string().trim().min(1).max(512) })),
  /** The person's apps on the wave-2 platforms (client ids; secrets only as "stored"). */
  'accounts.platformApps': method<PlatformAppView[]>()(z.strictObject({})),
  /** Saves the client id (and the client secret where the platform gives one, into the secret store); `clientSecret: null` forgets it, and so does a new client id given without one (a secret belongs to its app). */
  'accounts.setPlatformApp': method<PlatformAppView>()(
    z.strictObject({
      platform: z.enum(OAUTH_PLATFORMS),
      clientId: z.string().trim().min(1).max(256),
      clientSecret: z.string().trim().min(1).max(512).nullable().optional(),
    }),
  ),
  /** Opens a loopback listener and returns the address to open in the browser, for a wave-2 platform's OAuth sign-in. */
  'accounts.startOAuth': method<PendingOAuthSignIn>()(z.strictObject({ platform: z.enum(OAUTH_PLATFORMS) })),
  /**
   * Waits for the browser's redirect (or takes the code pasted), exchanges it and adds (or
   * reconnects) every account it gives: one, or each Facebook Page the person manages.
   */
  'accounts.finishOAuth': method<AccountView[]>()(z.strictObject({ signInId: z.string().min(1).max(64), code: z.string().trim().min(1).max(2048).optional() })),
  /**
   * Reddit's fallback for one's own account: the "script" app set up with `setPlatformApp` (its
   * client id and secret) and the account's password, sent to Reddit once for a token and kept
   * nowhere. Reddit gives this grant no refresh token: after its hour the account needs signing in again.
   */
  'accounts.connectRedditScript': method<AccountView[]>()(z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })),
  /** X's pay-per-use: the most this account may spend in a month, in USD; null: no limit. */
  'accounts.setMonthlyBudget': method<AccountView>()(z.strictObject({ id: accountId, usd: z.number().min(0).max(100_000).nullable() })),
  /** Checks a connected account live with read-only calls (who it is, one page of its inbox): nothing is stored. */
  'accounts.check': method<AccountCheck>()(z.strictObject({ id: accountId })),
  'accounts.cancelSignIn': method<null>()(z.strictObject({ signInId: z.string().min(1).max(64) })),
  'accounts.pause': method<AccountView>()(z.strictObject({ id: accountId })),
  'accounts.resume': method<AccountView>()(z.strictObject({ id: accountId })),
  /** One sync pass now; resolves when it ends, with what came in. */
  'accounts.syncNow': method<SyncSummary>()(z.strictObject({ id: accountId })),
  'accounts.setSyncInterval': method<AccountView>()(z.strictObject({ id: accountId, ms: z.number().int().min(SYNC_INTERVAL_MS.min).max(SYNC_INTERVAL_MS.max) })),
  /** Forgets the account's token; its conversations stay unless `keepHistory` is false. */
  'accounts.disconnect': method<null>()(z.strictObject({ id: accountId, keepHistory: z.boolean() })),
  'accounts.settings': method<AccountsSettings>()(z.strictObject({})),
  /** Whether to show the first-start welcome ("Connect an account" / "Explore the demo"). */
  'accounts.welcome': method<{ show: boolean }>()(z.strictObject({})),
  'accounts.dismissWelcome': method<null>()(z.strictObject({})),
  'accounts.updateSettings': method<AccountsSettings>()(z.strictObject({ backfillDays: z.number().int().min(BACKFILL_DAYS.min).max(BACKFILL_DAYS.max) })),
};

export type SyncSummary = { id: string; inserted: number; updated: number; duplicates: number; rejected: number };
export type AccountsSettings = { backfillDays: number };
