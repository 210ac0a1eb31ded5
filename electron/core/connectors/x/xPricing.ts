/**
 * What X charges for each call Pieuvre makes, in USD, from X's pay-per-use price table
 * (https://docs.x.com/x-api/getting-started/pricing, xdevplatform/docs at 2871328, 2026-08-22).
 * Reads are charged per resource returned, writes per request. Pieuvre counts the general read
 * prices, not the cheaper "Owned Reads" ($0.001, only when the signed-in account owns the app)
 * nor X's once-per-UTC-day deduplication: the count can only be above what X bills, never below,
 * so a budget is never overrun because of it.
 */
export const X_PRICES_USD = {
  postRead: 0.005,
  userRead: 0.01,
  dmEventRead: 0.01,
  /** A reply where the author summoned the account (mention or quote). */
  postCreateSummoned: 0.01,
  /** Any post carrying a link. */
  postCreateWithUrl: 0.2,
  dmCreate: 0.015,
  /** Mute: "User Interaction: Create". */
  userInteractionCreate: 0.015,
  /** Unmute: "Mute: Delete". */
  muteDelete: 0.005,
  /** Hiding a reply, deleting our own post: "Content: Manage". */
  contentManage: 0.005,
} as const;

/** X bills per calendar month (UTC): the usage meter's period, `2026-12`. */
export const billingPeriod = (at: number): string => new Date(at).toISOString().slice(0, 7);

/** When the next billing month starts (UTC), epoch ms. */
export function nextPeriodStart(at: number): number {
  const date = new Date(at);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** What a read answer cost: each post, user and DM event it returned. */
export function readCost(counts: { posts: number; users: number; dmEvents: number }): number {
  return counts.posts * X_PRICES_USD.postRead + counts.users * X_PRICES_USD.userRead + counts.dmEvents * X_PRICES_USD.dmEventRead;
}

/**
 * A reply's price: X counts any link t.co would shorten, bare domains included, so anything
 * that looks like one is priced as a post with a link (the count stays above X's, never below).
 */
export const replyCost = (text: string): number => (/https?:\/\/|\b[\w-]+\.[a-z]{2,}\b/iu.test(text) ? X_PRICES_USD.postCreateWithUrl : X_PRICES_USD.postCreateSummoned);
