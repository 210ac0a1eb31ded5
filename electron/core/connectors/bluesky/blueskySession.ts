import type { Agent } from '@atproto/api';
import { ConnectorError, type ConnectorIo } from '../connector';
import { blueskyError, isChatNotAllowed, retryAfterMs, TOKEN_ERRORS } from './blueskyErrors';
import { blueskySessionSchema, type BlueskySecret } from './blueskySecret';

/** Every call gives up after this long on its own, whatever its caller's signal says. */
export const CALL_TIMEOUT_MS = 30_000;

/**
 * The account's session, as the @atproto/api Agent's fetch handler: it signs each call with the
 * access token and, when the PDS says the token expired, refreshes it once for every call
 * waiting, stores the new session through `io.saveSecret` BEFORE using it (a refresh token is
 * single-use: a crash after using an unsaved one would leave the account stuck), then retries.
 * A refused refresh signs in again with the app password; a refused app password is `auth`.
 */
/** The Agent's own name for this (not exported by @atproto/api 0.21). */
type SessionManager = Agent['sessionManager'];

export class BlueskySession implements SessionManager {
  private refreshing: Promise<void> | null = null;

  constructor(
    private secret: BlueskySecret,
    private readonly io: ConnectorIo,
  ) {}

  get did(): string {
    return this.secret.did;
  }

  get handle(): string {
    return this.secret.handle;
  }

  get service(): string {
    return this.secret.service;
  }

  readonly fetchHandler = async (url: string, init: RequestInit): Promise<Response> => {
    const token = this.secret.accessJwt;
    const response = await this.send(url, init, token);
    if (!(await isTokenRefused(response))) return response;
    // Another call may have refreshed it meanwhile: only the first one refreshes.
    if (this.secret.accessJwt === token) {
      this.refreshing ??= this.renew(init.signal ?? undefined).finally(() => (this.refreshing = null));
      await this.refreshing;
    }
    return this.send(url, init, this.secret.accessJwt);
  };

  private send(url: string, init: RequestInit, token: string): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    return this.io.fetch(new URL(url, this.secret.service), { ...init, headers, signal: withTimeout(init.signal) });
  }

  private async renew(signal: AbortSignal | undefined): Promise<void> {
    const refreshed = await this.post('com.atproto.server.refreshSession', this.secret.refreshJwt, undefined, signal);
    const session = refreshed.ok ? refreshed : await this.post('com.atproto.server.createSession', null, { identifier: this.secret.did, password: this.secret.appPassword }, signal);
    if (!session.ok) {
      throw new ConnectorError(`Bluesky refused the session of ${this.secret.handle} and its app password (${session.error}): it was revoked or changed; connect the account again`, 'auth');
    }
    const next = { ...this.secret, ...blueskySessionSchema.parse(session.body) };
    await this.io.saveSecret(JSON.stringify(next));
    this.secret = next;
  }

  /** A session call: ok with its body, refused with the server's error name, or thrown (network, 5xx, 429). */
  private async post(nsid: string, token: string | null, body: unknown, signal: AbortSignal | undefined): Promise<{ ok: true; body: unknown } | { ok: false; error: string }> {
    const headers = new Headers(body === undefined ? {} : { 'content-type': 'application/json' });
    if (token !== null) headers.set('authorization', `Bearer ${token}`);
    let response: Response;
    try {
      response = await this.io.fetch(new URL(`/xrpc/${nsid}`, this.secret.service), { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body), signal: withTimeout(signal) });
    } catch (error) {
      throw blueskyError(error, 'renewing the session', this.io.now());
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, body: json };
    const error = errorName(json) ?? String(response.status);
    if (response.status === 429) {
      throw new ConnectorError(`Bluesky: renewing the session: 429 ${error}`, 'rate_limited', retryAfterMs(Object.fromEntries(response.headers), this.io.now()));
    }
    if (response.status >= 500) throw new ConnectorError(`Bluesky: renewing the session: ${response.status} ${error}`, 'transient');
    return { ok: false, error };
  }
}

export function withTimeout(signal: AbortSignal | null | undefined): AbortSignal {
  const timeout = AbortSignal.timeout(CALL_TIMEOUT_MS);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

function errorName(body: unknown): string | null {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === 'string' ? error : null;
}

/** The PDS answers an expired or unreadable access token with 400 (or 401) ExpiredToken / InvalidToken. */
async function isTokenRefused(response: Response): Promise<boolean> {
  if (response.status !== 400 && response.status !== 401) return false;
  const body = (await response.clone().json().catch(() => null)) as { message?: unknown } | null;
  const error = errorName(body);
  return error !== null && TOKEN_ERRORS.has(error) && !isChatNotAllowed(response.status, error, typeof body?.message === 'string' ? body.message : undefined);
}
