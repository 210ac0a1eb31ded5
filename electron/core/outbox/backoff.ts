export type BackoffPolicy = {
  baseMs: number;
  maxMs: number;
  /** Transient failures (5xx, timeouts) before a send fails for good. Offline and 429 never count. */
  maxAttempts: number;
};

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 15 * 60_000, maxAttempts: 8 };

/**
 * Exponential backoff with ±20 % jitter, so a hundred replies failing together do not all come
 * back at the same second; a platform's Retry-After wins when it asks for longer.
 */
export function retryDelayMs(policy: BackoffPolicy, attempts: number, retryAfterMs: number | null, random: number): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(exponential * (0.8 + 0.4 * random));
  return Math.max(jittered, retryAfterMs ?? 0);
}
