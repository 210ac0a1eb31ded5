import { ConnectorError } from '../connector';
import { isPermissionCode, isRateLimitCode, MISSING_OBJECT_SUBCODE, OUTSIDE_WINDOW_SUBCODE, readGraphError } from '../meta/graphErrorBody';
import { usageOf, type InstagramUsage } from './graphUsage';

/** When Meta does not say how long to wait: an hour is its usual rolling window. */
const DEFAULT_THROTTLE_MS = 3_600_000;

/**
 * What a failed Graph call means for Pieuvre: an expired or revoked token (190) needs the person
 * to reconnect, throttling pauses the account until the usage headers say, a permission or
 * window refusal fails with Meta's reason, a 5xx retries.
 */
export function graphFailure(status: number, headers: Headers, body: unknown, what: string, now: number): ConnectorError {
  const error = readGraphError(body);
  const said = error ? `${error.message}${error.error_user_msg ? ` ${error.error_user_msg}` : ''}`.trim() : typeof body === 'string' ? body.slice(0, 120) : '';
  const message = `${what}: ${status}${said ? ` (${said})` : ''}`;
  const code = error?.code ?? null;
  if (code === 190 || status === 401) return new ConnectorError(`${message}: Instagram refused the account's token; reconnect the account.`, 'auth');
  if ((code !== null && isRateLimitCode(code)) || status === 429) return new ConnectorError(`${message}: Instagram is throttling this account.`, 'rate_limited', waitFor(usageOf(headers, now), now));
  if (code === OUTSIDE_WINDOW_SUBCODE || error?.error_subcode === OUTSIDE_WINDOW_SUBCODE) {
    return new ConnectorError(`${message}: the person last wrote more than 24 hours ago (7 days for a person's answer); Instagram no longer takes a message in this conversation.`, 'permanent');
  }
  if (code !== null && isPermissionCode(code)) return new ConnectorError(`${message}: the account did not grant Pieuvre this permission, or its role does not allow it.`, 'permanent');
  if (code === 100 && error?.error_subcode === MISSING_OBJECT_SUBCODE) return new ConnectorError(message, 'not_found');
  if (status === 404) return new ConnectorError(message, 'not_found');
  if (status >= 500 || code === 1 || code === 2) return new ConnectorError(message, 'transient');
  return new ConnectorError(message, 'permanent');
}

function waitFor(usage: InstagramUsage | null, now: number): number {
  if (usage?.resetsAt != null) return Math.max(0, usage.resetsAt - now);
  return DEFAULT_THROTTLE_MS;
}
