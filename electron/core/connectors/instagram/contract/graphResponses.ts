import type { RecordedResponse } from '../../../testing/recordedServer';

/**
 * Meta's error bodies as the Graph API error-handling page documents them
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling): `{error: {message,
 * type, code, error_subcode, fbtrace_id}}`, HTTP 400 for OAuthException and most refusals.
 */
export function graphError(code: number, message: string, options: { subcode?: number; type?: string; status?: number; headers?: Record<string, string> } = {}): RecordedResponse {
  const error: Record<string, unknown> = { message, type: options.type ?? 'OAuthException', code, fbtrace_id: 'AbCdEfGhIjKlMnOp' };
  if (options.subcode !== undefined) error.error_subcode = options.subcode;
  return { status: options.status ?? 400, headers: options.headers, body: { error } };
}

/** An access token past its end (code 190, subcode 463). */
export const expiredToken = (): RecordedResponse => graphError(190, 'Error validating access token: Session has expired on Friday, 04-Dec-26 10:00:00 PST.', { subcode: 463 });

/** A token the person revoked, or one Meta does not know (code 190, subcode 460/none). */
export const invalidToken = (): RecordedResponse => graphError(190, 'Invalid OAuth access token - Cannot parse access token');

/**
 * Throttled: (#4) for the app, (#17) the user, (#32) the Page, (#613) a call type's own limit,
 * with `X-Business-Use-Case-Usage` saying when access comes back (minutes).
 */
export function throttled(code: 4 | 17 | 32 | 613 | 80002, minutes: number, accountId: string): RecordedResponse {
  const usage = { [accountId]: [{ type: 'instagram', call_count: 100, total_cputime: 12, total_time: 20, estimated_time_to_regain_access: minutes }] };
  const messages: Record<number, string> = { 4: 'Application request limit reached', 17: 'User request limit reached', 32: 'Page request limit reached', 613: 'Calls to this api have exceeded the rate limit.', 80002: 'There have been too many calls to this Instagram account. Wait a bit and try again.' };
  return graphError(code, `(#${code}) ${messages[code] ?? 'Rate limited'}`, { headers: { 'x-business-use-case-usage': JSON.stringify(usage) } });
}

/** An unexpected server failure: Meta's 500 with code 1 or 2. */
export const serverError = (): RecordedResponse => graphError(2, 'An unexpected error has occurred. Please retry your request later.', { status: 500 });

/** (#100) on an object that is gone or never was. */
export const doesNotExist = (id: string): RecordedResponse =>
  graphError(100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { subcode: 33, type: 'GraphMethodException' });

/** The Send API outside the messaging window. */
export const outsideWindow = (): RecordedResponse => graphError(10, '(#10) This message is sent outside of allowed window.', { subcode: 2018278 });

/** api.instagram.com's own error shape for the code exchange (not Graph's). */
export const tokenEndpointError = (message: string): RecordedResponse => ({ status: 400, body: { error_type: 'OAuthException', code: 400, error_message: message } });
