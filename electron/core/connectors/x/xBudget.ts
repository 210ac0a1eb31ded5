import type { AccountLimitsView } from '../../../../shared/api/accounts';
import { ConnectorError, type UsageMeter } from '../connector';
import { billingPeriod, nextPeriodStart, X_PRICES_USD } from './xPricing';
import { X_PAGE_SIZE } from './xQueries';

/** Kept for replies once polling stops: a dollar, or a tenth of a small budget. */
const replyReserve = (limit: number): number => Math.min(1, limit / 10);
/** The most one item of a page can cost: the post (or DM event), its author and one post it references. */
const ITEM_MAX_USD = Math.max(X_PRICES_USD.postRead, X_PRICES_USD.dmEventRead) + X_PRICES_USD.userRead + X_PRICES_USD.postRead;
/** X's smallest `max_results` for the mentions timeline. */
const SMALLEST_PAGE = 5;

/**
 * The person's monthly X budget against what this month's calls cost. Polling stops first, while
 * a reserve is left, so that the people already waiting can still be answered; replies and
 * moderation go on until the budget itself is spent, and then stop too, each saying why.
 */
export class XBudget {
  constructor(
    private readonly usage: UsageMeter,
    private readonly now: () => number,
  ) {}

  get spent(): number {
    return this.usage.spent(billingPeriod(this.now()));
  }

  get limit(): number | null {
    return this.usage.monthlyBudget();
  }

  /**
   * How many items the next page may ask for: X's largest page, or fewer, so that even a page
   * whose every item costs the most never eats into what is kept for replies.
   */
  get pageSize(): number {
    const { limit } = this;
    if (limit === null) return X_PAGE_SIZE;
    return Math.min(X_PAGE_SIZE, Math.floor((limit - replyReserve(limit) - this.spent) / ITEM_MAX_USD));
  }

  /** Whether reading even X's smallest page could eat into what is kept for replies. */
  get isPollingStopped(): boolean {
    return this.pageSize < SMALLEST_PAGE;
  }

  /** Refuses a call that would take this month's spend past the budget, before it is made. */
  ensureAffordable(cost: number, what: string): void {
    const { limit } = this;
    if (limit === null || this.spent + cost <= limit) return;
    throw new ConnectorError(`Not ${what}: it would cost about ${usd(cost)} on X and this month’s X budget (${usd(limit)}) has ${usd(Math.max(0, limit - this.spent))} left. Raise the budget on the account, or wait for next month.`, 'permanent');
  }

  /** Why polling stopped, as the account shows it. */
  stoppedNotice(): string {
    return `X polling is stopped for this month: ${usd(this.spent)} of the ${usd(this.limit ?? 0)} budget is spent, and the rest is kept for replies. Raise the budget on the account to read new messages again.`;
  }

  view(): NonNullable<AccountLimitsView['budget']> {
    return { unit: 'usd', used: round(this.spent), limit: this.limit, resetsAt: nextPeriodStart(this.now()), isSlowed: this.isPollingStopped };
  }
}

const round = (amount: number): number => Math.round(amount * 1000) / 1000;
const usd = (amount: number): string => `US$${amount.toFixed(amount < 1 ? 3 : 2)}`;
