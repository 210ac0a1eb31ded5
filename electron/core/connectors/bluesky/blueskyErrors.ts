import { XRPCError } from '@atproto/api';
import { ConnectorError } from '../connector';

/** Errors that mean the token itself is refused: refreshing (then signing in again) is the only way on. */
export const TOKEN_ERRORS: ReadonlySet<string> = new Set(['ExpiredToken', 'InvalidToken']);

/**
 * The PDS refuses chat calls from an app password made without "direct messages" allowed with
 * 400 InvalidToken "Bad token method": not an expired token, so no renewal and no `auth`.
 */
export const isChatNotAllowed = (status: number, error: string | undefined, message: string | undefined): boolean =>
  status === 400 && error === 'InvalidToken' && message === 'Bad token method';

/** Chat is closed to this app password: the DMs are skipped, the rest of the account goes on. */
export class ChatNotAllowedError extends ConnectorError {
  override name = 'ChatNotAllowedError';
}

/** What is gone: a post or a record deleted on the platform, an unknown actor. */
const NOT_FOUND_ERRORS: ReadonlySet<string> = new Set(['RecordNotFound', 'NotFound', 'ActorNotFound', 'ConvoNotFound']);

/** Node's fetch reports an unreachable host as a TypeError whose cause carries the socket's code. */
const OFFLINE_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'UND_ERR_SOCKET']);

/**
 * The one place a Bluesky failure becomes a ConnectorError, which decides what the sync engine
 * and the outbox do next. `what` names the call for the account's error line.
 */
export function blueskyError(error: unknown, what: string, now: number): ConnectorError {
  const known = findInCauses(error, (cause): cause is ConnectorError => cause instanceof ConnectorError);
  if (known) return known;
  const xrpc = error instanceof XRPCError ? error : null;
  if (xrpc && xrpc.status > 1) return fromXrpc(xrpc, what, now);
  const timeout = findInCauses(error, (cause): cause is Error => cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError'));
  if (timeout) return new ConnectorError(`Bluesky: ${what} took too long or was stopped`, 'transient');
  const socket = findInCauses(error, (cause): cause is Error & { code: string } => cause instanceof Error && OFFLINE_CODES.has(String((cause as { code?: unknown }).code)));
  if (socket) return new ConnectorError(`Bluesky: ${what}: the server cannot be reached (${socket.code})`, 'offline');
  return new ConnectorError(`Bluesky: ${what}: ${error instanceof Error ? error.message : String(error)}`, 'transient');
}

function fromXrpc(error: XRPCError, what: string, now: number): ConnectorError {
  const said = `Bluesky: ${what}: ${error.status} ${error.error}${error.message && error.message !== error.error ? ` (${error.message})` : ''}`;
  if (isChatNotAllowed(error.status, error.error, error.message)) {
    return new ChatNotAllowedError('Bluesky: this app password does not allow direct messages; make one with “direct messages” allowed to read and answer them', 'permanent');
  }
  if (error.status === 429) return new ConnectorError(said, 'rate_limited', retryAfterMs(error.headers ?? {}, now));
  if (error.status >= 500) return new ConnectorError(said, 'transient');
  if (error.status === 401 || TOKEN_ERRORS.has(error.error)) return new ConnectorError(said, 'auth');
  if (NOT_FOUND_ERRORS.has(error.error)) return new ConnectorError(said, 'not_found');
  return new ConnectorError(said, 'permanent');
}

/**
 * How long to wait after a 429: `Retry-After` (seconds or an HTTP date) when the server sends
 * it, else the PDS's `ratelimit-reset` (epoch seconds, draft-polli headers), else null (the
 * engine's own backoff).
 */
export function retryAfterMs(headers: Readonly<Record<string, string | undefined>>, now: number): number | null {
  const header = (name: string) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  const retryAfter = header('retry-after');
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const reset = Number(header('ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : null;
}

function findInCauses<T>(error: unknown, matches: (cause: unknown) => cause is T): T | null {
  for (let cause = error, depth = 0; cause !== undefined && cause !== null && depth < 8; depth += 1) {
    if (matches(cause)) return cause;
    cause = (cause as { cause?: unknown }).cause;
  }
  return null;
}
