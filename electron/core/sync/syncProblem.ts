import type { AccountProblem } from '../../../shared/api/accounts';
import { ConnectorError } from '../connectors/connector';
import { delayAfterFailures } from '../timers/loop';

/** An offline account tries again this often: soon enough to notice the network is back. */
export const OFFLINE_RETRY_MS = 60_000;

/** What a failed pass means for the account: what to show, how long to wait, and whether its token was refused. */
export type SyncFailure = {
  problem: AccountProblem;
  liveState: 'rate_limited' | 'offline' | 'failing';
  delayMs: number;
  isRefused: boolean;
};

/**
 * Reads a failed pass: a 429 waits as long as the platform asked (or backs off when it did not
 * say), 5xx and unknown failures back off exponentially with jitter from the sync interval,
 * offline retries every minute, and a refused token stops the account. The words say what
 * happened and what to do; the UI translates them by `code`.
 */
export function describeSyncFailure(error: unknown, context: { intervalMs: number; failures: number; now: number; random: () => number }): SyncFailure {
  const backoff = delayAfterFailures(context.intervalMs, context.failures, context.random);
  const detail = error instanceof Error ? error.message : String(error);
  const problem = (code: AccountProblem['code'], message: string): AccountProblem => ({ code, message, at: context.now });
  const kind = error instanceof ConnectorError ? error.kind : 'unexpected';
  switch (kind) {
    case 'rate_limited': {
      const delayMs = Math.max(backoff, (error as ConnectorError).retryAfterMs ?? 0);
      return { liveState: 'rate_limited', delayMs, isRefused: false, problem: problem('rate_limited', 'The platform asked Pieuvre to slow down. Syncing resumes by itself; nothing to do.') };
    }
    case 'offline':
      return { liveState: 'offline', delayMs: OFFLINE_RETRY_MS, isRefused: false, problem: problem('offline', `Pieuvre could not reach the server (${detail}). Check the internet connection; Pieuvre tries again every minute.`) };
    case 'auth':
      return { liveState: 'failing', delayMs: backoff, isRefused: true, problem: problem('auth', 'The platform no longer accepts this account’s sign-in. Sign in again to reconnect it; nothing was lost.') };
    case 'transient':
      return { liveState: 'failing', delayMs: backoff, isRefused: false, problem: problem('server_error', `The server had a problem (${detail}). Pieuvre tries again by itself; if it lasts, check the server’s status.`) };
    default:
      return { liveState: 'failing', delayMs: backoff, isRefused: false, problem: problem('unexpected', `Syncing failed (${detail}). Pieuvre tries again later; if it keeps failing, pause the account and report the problem.`) };
  }
}
