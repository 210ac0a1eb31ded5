import { ConnectorError } from '../connector';
import { isPermissionCode, isRateLimitCode, MISSING_OBJECT_SUBCODE, OUTSIDE_WINDOW_SUBCODE, readGraphError } from '../meta/graphErrorBody';
import type { GraphUsage } from '../meta/graphUsage';

/** When Meta throttles without saying for how long: its platform limits count over a rolling hour. */
export const DEFAULT_THROTTLE_MS = 15 * 60_000;

/**
 * What a Graph error means for Pieuvre. The reason a person reads is Meta's own message with a
 * plain sentence in front of it: what the Page cannot do, not an error number.
 */
export function graphError(status: number, body: unknown, what: string, usage: GraphUsage | null): ConnectorError {
  const detail = readGraphError(body);
  // Without Graph's code the body is not Graph's error (a proxy's page): its status says what it is.
  if (detail?.code === undefined) {
    if (status === 429 || status >= 500) return new ConnectorError(`${what}: Facebook answered ${status}.`, 'transient');
    return new ConnectorError(`${what}: Facebook answered ${status} without its error body.`, status === 404 ? 'not_found' : 'permanent');
  }
  const said = `${detail.message}${detail.error_user_msg ? ` ${detail.error_user_msg}` : ''} (code ${detail.code}${detail.error_subcode === undefined ? '' : `/${detail.error_subcode}`})`;
  const { code, error_subcode: subcode } = detail;
  if (code === 190 || code === 102) return new ConnectorError(`${what}: Facebook refused the Page’s token: ${said}.`, 'auth');
  if (isRateLimitCode(code)) {
    const waitMs = usage !== null && usage.regainAccessMinutes > 0 ? usage.regainAccessMinutes * 60_000 : DEFAULT_THROTTLE_MS;
    return new ConnectorError(`${what}: Facebook is limiting this app’s calls: ${said}.`, 'rate_limited', waitMs);
  }
  // The Messenger window: 10 with subcode 2018278 (the Send API error page: "sent outside of allowed window").
  if (subcode === OUTSIDE_WINDOW_SUBCODE) return new ConnectorError(`${what}: Messenger no longer lets the Page answer this person (outside the messaging window): ${said}.`, 'permanent');
  // 551, "This person isn't available right now": blocked the Page, or left Messenger. Not the window.
  if (code === 551) return new ConnectorError(`${what}: Messenger cannot reach this person now (they may have blocked the Page or left Messenger): ${said}.`, 'permanent');
  if (isPermissionCode(code)) return new ConnectorError(`${what}: the Page’s token lacks the permission or task for this: ${said}.`, 'permanent');
  if (code === 368) return new ConnectorError(`${what}: Facebook blocked this for its policies (the Page may be temporarily restricted): ${said}.`, 'permanent');
  if (code === 100 && subcode === MISSING_OBJECT_SUBCODE) return new ConnectorError(`${what}: it no longer exists on Facebook: ${said}.`, 'not_found');
  // 1 (unknown error) and 2 (service temporarily unavailable) are Meta's own "try again".
  if (code === 1 || code === 2 || status >= 500) return new ConnectorError(`${what}: Facebook had a passing problem: ${said}.`, 'transient');
  return new ConnectorError(`${what}: Facebook refused it: ${said}.`, 'permanent');
}
