import { z } from 'zod';
import type { Account } from '../domain/entities';
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
 * says it: its app password does not allow DMs, or the platform's DM service did not answer.
 */
export type AccountNoticeCode = 'dms_not_allowed' | 'dms_unavailable';

export type AccountProblem = {
  /** What went wrong, in words for the person (the core's English; the UI translates by `code`). */
  message: string;
  code: 'auth' | 'rate_limited' | 'offline' | 'server_error' | 'bad_data' | 'unexpected' | AccountNoticeCode;
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
};

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
