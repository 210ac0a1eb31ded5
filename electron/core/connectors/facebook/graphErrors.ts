import { z } from 'zod';
import { ConnectorError } from '../connector';
import type { GraphUsage } from './graphUsage';

/** Graph's error body, as its reference documents it: `{error: {message, type, code, error_subcode, fbtrace_id}}`. */
export const graphErrorBody = z.object({
  error: z.object({
    message: z.string().default(''),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphErrorDetail = z.output<typeof graphErrorBody>['error'];

/** Codes that mean "slow down": app (4), user (17), Page (32), API-specific (613) and the business-use-case limits (80001 and up). */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
const isBucLimit = (code: number): boolean => code >= 80_001 && code <= 80_099;
/** When Meta throttles without saying for how long: its platform limits count over a rolling hour. */
export const DEFAULT_THROTTLE_MS = 15 * 60_000;
/** The Messenger window: 10 with subcode 2018278 (outside the allowed window) and 551 (the person is not available). */
const OUTSIDE_WINDOW_SUBCODE = 2_018_278;
/** 100 with subcode 33: "Object with ID … does not exist, cannot be loaded due to missing permissions, or does not support this operation". */
const MISSING_OBJECT_SUBCODE = 33;

export function graphErrorDetail(body: unknown): GraphErrorDetail | null {
  const parsed = graphErrorBody.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}

/**
 * What a Graph error means for Pieuvre. The reason a person reads is Meta's own message with a
 * plain sentence in front of it: what the Page cannot do, not an error number.
 */
export function graphError(status: number, body: unknown, what: string, usage: GraphUsage | null): ConnectorError {
  const detail = graphErrorDetail(body);
  if (detail === null) {
    if (status === 429 || status >= 500) return new ConnectorError(`${what}: Facebook answered ${status}.`, 'transient');
    return new ConnectorError(`${what}: Facebook answered ${status} without its error body.`, status === 404 ? 'not_found' : 'permanent');
  }
  const said = `${detail.message}${detail.error_user_msg ? ` ${detail.error_user_msg}` : ''} (code ${detail.code}${detail.error_subcode === undefined ? '' : `/${detail.error_subcode}`})`;
  const { code, error_subcode: subcode } = detail;
  if (code === 190 || code === 102) return new ConnectorError(`${what}: Facebook refused the Page’s token: ${said}.`, 'auth');
  if (RATE_LIMIT_CODES.has(code) || isBucLimit(code)) {
    const waitMs = usage !== null && usage.regainAccessMinutes > 0 ? usage.regainAccessMinutes * 60_000 : DEFAULT_THROTTLE_MS;
    return new ConnectorError(`${what}: Facebook is limiting this app’s calls: ${said}.`, 'rate_limited', waitMs);
  }
  if (subcode === OUTSIDE_WINDOW_SUBCODE || code === 551) return new ConnectorError(`${what}: Messenger no longer lets the Page answer this person (outside the messaging window): ${said}.`, 'permanent');
  if (code === 10 || (code >= 200 && code <= 299)) return new ConnectorError(`${what}: the Page’s token lacks the permission or task for this: ${said}.`, 'permanent');
  if (code === 368) return new ConnectorError(`${what}: Facebook blocked this for its policies (the Page may be temporarily restricted): ${said}.`, 'permanent');
  if (code === 100 && subcode === MISSING_OBJECT_SUBCODE) return new ConnectorError(`${what}: it no longer exists on Facebook: ${said}.`, 'not_found');
  // 1 (unknown error) and 2 (service temporarily unavailable) are Meta's own "try again".
  if (code === 1 || code === 2 || status >= 500) return new ConnectorError(`${what}: Facebook had a passing problem: ${said}.`, 'transient');
  return new ConnectorError(`${what}: Facebook refused it: ${said}.`, 'permanent');
}
