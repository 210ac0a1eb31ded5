import { Temporal } from 'temporal-polyfill';
import type { AccountLimitsView } from '../../../../shared/api/accounts';
import { ConnectorError, type UsageMeter } from '../connector';

/** Google resets every project's YouTube quota at midnight Pacific time (https://developers.google.com/youtube/v3/determine_quota_cost). */
const QUOTA_TIME_ZONE = 'America/Los_Angeles';
/** The default allocation per project and day. */
export const DAILY_QUOTA_UNITS = 10_000;

/** What each call costs, from the quota cost table: every list 1 unit, every write 50. */
export const QUOTA_COST = { list: 1, write: 50 } as const;

/** Replies kept in reserve: polling stops before it would eat into what ten replies need. */
const REPLIES_IN_RESERVE = 10;
const RESERVE_UNITS = REPLIES_IN_RESERVE * QUOTA_COST.write;
/** Past this share of the day's quota, polling slows down. */
const SLOW_SHARE = 0.8;
/** How often a slowed account still polls: one pass in this many. */
const SLOWED_PASS_EVERY = 4;

/** The Pacific day a moment falls in (`2026-12-05`): the period the usage meter counts in. */
export const pacificDay = (at: number): string => Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(QUOTA_TIME_ZONE).toPlainDate().toString();

/** The next midnight in Pacific time after `at`, when the quota is whole again. */
export function nextPacificMidnight(at: number): number {
  const day = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(QUOTA_TIME_ZONE).toPlainDate();
  return day.add({ days: 1 }).toZonedDateTime({ timeZone: QUOTA_TIME_ZONE }).epochMilliseconds;
}

/**
 * One account's share of its project's daily quota, counted through the usage meter (kept in
 * SQLite, so a restart remembers what today cost). Polling is skipped, three passes in four, once
 * 80% is used, and stops entirely when only the replies' reserve is left: answering people
 * matters more than seeing new comments a few minutes sooner.
 */
export class YoutubeQuota {
  private skippedPasses = 0;
  /** Set when Google said `quotaExceeded`: nothing is tried until the next Pacific midnight. */
  private exhaustedUntil = 0;
  /** Until when Google last asked to slow down (`rateLimitExceeded`, 429). */
  private slowDownUntil = 0;

  constructor(
    private readonly usage: UsageMeter,
    private readonly now: () => number,
  ) {}

  charge(units: number): void {
    this.usage.add(pacificDay(this.now()), units);
  }

  used(): number {
    return this.usage.spent(pacificDay(this.now()));
  }

  /** Google says the quota is gone (another app of the project may have used it): believe it until midnight. */
  markExhausted(): number {
    this.exhaustedUntil = nextPacificMidnight(this.now());
    return this.exhaustedUntil - this.now();
  }

  /** How long until Google will take calls again; null when it does. */
  exhaustedForMs(): number | null {
    const left = this.exhaustedUntil - this.now();
    return left > 0 ? left : null;
  }

  isSlowed(): boolean {
    return this.used() >= DAILY_QUOTA_UNITS * SLOW_SHARE || this.exhaustedForMs() !== null;
  }

  /** Whether a new polling pass may start, spending `units`: past 80% only one pass in four does; counts the passes it skips. */
  mayPoll(units: number): boolean {
    if (!this.fitsAboveReserve(units)) return false;
    if (this.used() < DAILY_QUOTA_UNITS * SLOW_SHARE) return true;
    this.skippedPasses = (this.skippedPasses + 1) % SLOWED_PASS_EVERY;
    return this.skippedPasses === 0;
  }

  /** Whether reading `units` more now leaves the replies' reserve whole (within a pass that runs). */
  fitsAboveReserve(units: number): boolean {
    return this.exhaustedForMs() === null && this.used() + units <= DAILY_QUOTA_UNITS - RESERVE_UNITS;
  }

  /** A write (a reply, a moderation) refused before it is tried when today's quota cannot pay for it: it waits for midnight. */
  ensureWrite(): void {
    if (this.exhaustedForMs() === null && this.used() + QUOTA_COST.write <= DAILY_QUOTA_UNITS) return;
    throw new ConnectorError(`Today’s YouTube quota cannot pay for this (${QUOTA_COST.write} units) until midnight Pacific time.`, 'rate_limited', nextPacificMidnight(this.now()) - this.now());
  }

  /** Google asked to slow down for this long (a per-minute limit, not the daily quota). */
  noteRateLimited(retryAfterMs: number): void {
    this.slowDownUntil = this.now() + retryAfterMs;
  }

  /** The latest per-minute refusal while it lasts, as the account shows it; null otherwise. */
  rateLimit(): AccountLimitsView['rateLimit'] {
    return this.slowDownUntil > this.now() ? { remaining: 0, limit: null, resetsAt: this.slowDownUntil } : null;
  }

  budget(): NonNullable<AccountLimitsView['budget']> {
    return { unit: 'quota_units', used: this.used(), limit: DAILY_QUOTA_UNITS, resetsAt: nextPacificMidnight(this.now()), isSlowed: this.isSlowed() };
  }
}
