import type { AccountLimitsView } from '../../../../shared/api/accounts';
import type { ReplyLimits } from '../connector';
import { OPEN_REPLIES } from '../replyLimits';
import type { RateLimitState } from './redditHttp';

/**
 * A comment or a message reply: 10,000 characters of markdown (what Reddit's own forms and
 * third-party clients enforce; the API reference states no number). No messaging window.
 */
export const REDDIT_LIMITS: ReplyLimits = { ...OPEN_REPLIES, maxLength: 10_000, lengthUnit: 'characters', dmMaxLength: 10_000 };

/**
 * The account as the Accounts view shows it: no budget (the free tier is counted in calls, not
 * money), the rate limit as Reddit's latest answer stated it, and the approval every new app needs.
 */
export function redditLimitsView(rate: RateLimitState | null): AccountLimitsView {
  return {
    budget: null,
    rateLimit: rate === null ? null : { remaining: rate.remaining, limit: rate.used + rate.remaining, resetsAt: rate.resetsAt },
    cannot: ['reddit_needs_approval'],
  };
}
