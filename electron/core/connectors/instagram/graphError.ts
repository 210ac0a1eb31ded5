import { z } from 'zod';
import { ConnectorError } from '../connector';
import { usageOf, type GraphUsage } from './graphUsage';

/** Meta's Graph error body (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
const graphErrorSchema = z.object({
  error: z.object({
    message: z.string().max(2_000).default(''),
    type: z.string().max(200).optional(),
    code: z.number().int().optional(),
    error_subcode: z.number().int().optional(),
    error_user_msg: z.string().max(2_000).optional(),
  }),
});
export type GraphError = z.output<typeof graphErrorSchema>['error'];

/** Throttling codes: app (4), user (17), Page / business use case (32, 80002 for Instagram), a call type's own limit (613). */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80002]);
/** Permission codes: (#10) and the (#200)–(#299) family. */
const isPermissionCode = (code: number): boolean => code === 10 || (code >= 200 && code <= 299);
/** The Send API's "outside of allowed window" (code 10, this subcode; also sent as code 2018278 alone). */
export const OUTSIDE_WINDOW_SUBCODE = 2018278;
/** (#100) "Object does not exist" on a deleted comment or conversation. */
const DOES_NOT_EXIST_SUBCODE = 33;
/** When Meta does not say how long to wait: an hour is its usual rolling window. */
const DEFAULT_THROTTLE_MS = 3_600_000;

export function readGraphError(body: unknown): GraphError | null {
  const parsed = graphErrorSchema.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}

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
  if ((code !== null && RATE_LIMIT_CODES.has(code)) || status === 429) return new ConnectorError(`${message}: Instagram is throttling this account.`, 'rate_limited', waitFor(usageOf(headers, now), now));
  if (code === OUTSIDE_WINDOW_SUBCODE || error?.error_subcode === OUTSIDE_WINDOW_SUBCODE) {
    return new ConnectorError(`${message}: the person last wrote more than 24 hours ago (7 days for a person's answer); Instagram no longer takes a message in this conversation.`, 'permanent');
  }
  if (code !== null && isPermissionCode(code)) return new ConnectorError(`${message}: the account did not grant Pieuvre this permission, or its role does not allow it.`, 'permanent');
  if (code === 100 && error?.error_subcode === DOES_NOT_EXIST_SUBCODE) return new ConnectorError(message, 'not_found');
  if (status === 404) return new ConnectorError(message, 'not_found');
  if (status >= 500 || code === 1 || code === 2) return new ConnectorError(message, 'transient');
  return new ConnectorError(message, 'permanent');
}

function waitFor(usage: GraphUsage | null, now: number): number {
  if (usage?.resetsAt != null) return Math.max(0, usage.resetsAt - now);
  return DEFAULT_THROTTLE_MS;
}
