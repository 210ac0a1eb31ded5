import { ConnectorError } from '../connector';
import { fetchAnswer, type FetchedAnswer } from '../fetchAnswer';
import type { RedditSession } from './redditSession';

export type RedditRequest = {
  method?: 'GET' | 'POST';
  /** `/message/inbox`, `/api/comment`. */
  path: string;
  query?: Record<string, string>;
  /** Sent as a form, as every Reddit POST expects. */
  form?: Record<string, string>;
  signal: AbortSignal;
  /** Sync stops early to leave calls for replies and moderation (see RATE_RESERVE). */
  purpose: 'sync' | 'act';
};

export type RedditResponse = FetchedAnswer;

/** The rate limit as Reddit's latest answer stated it (`X-Ratelimit-*`). */
export type RateLimitState = { used: number; remaining: number; resetsAt: number };

export type RedditHttpOptions = {
  /** `https://oauth.reddit.com`, or a contract server. */
  origin: string;
  session: RedditSession;
  fetch: typeof fetch;
  now: () => number;
  /** Reddit refuses generic agents: `desktop:app.pieuvre:0.1.0 (by /u/name)`. */
  userAgent: string;
  timeoutMs?: number;
};

/**
 * Calls left unused in each window: a sync stops before it would leave fewer than this, so that
 * the brand's replies and moderation still go through; they themselves stop at the last call.
 */
export const RATE_RESERVE = { sync: 10, act: 1 } as const;

/**
 * Reddit's Data API over `io.fetch`: the bearer token (renewed on a 401, once), the User-Agent
 * Reddit requires, a timeout per call, and its rate limit read from every answer's headers and
 * kept, so that a call that would exceed it is not made (`rate_limited` until the window resets).
 */
export class RedditHttp {
  private rate: RateLimitState | null = null;

  constructor(private readonly options: RedditHttpOptions) {}

  get origin(): string {
    return this.options.origin;
  }

  /** The latest rate-limit answer, while its window lasts. */
  rateLimit(): RateLimitState | null {
    return this.rate !== null && this.rate.resetsAt > this.options.now() ? this.rate : null;
  }

  /** The answer of a 2xx, else the ConnectorError its status means. */
  async call(request: RedditRequest): Promise<RedditResponse> {
    return this.ensureOk(await this.send(request), `${request.method ?? 'GET'} ${request.path}`);
  }

  /** The response if it is a 2xx, else the ConnectorError its status means. */
  ensureOk(response: RedditResponse, what: string): RedditResponse {
    if (response.status >= 200 && response.status < 300) return response;
    throw statusError(response, what);
  }

  /** Any answer Reddit gave after one token renewal on a 401; only the rate limit, a network failure or a lost grant throws. */
  async send(request: RedditRequest): Promise<RedditResponse> {
    this.ensureCallsLeft(request.purpose);
    const token = await this.options.session.accessToken(request.signal);
    const first = await this.fetchOnce(request, token);
    if (first.status !== 401) return first;
    return this.fetchOnce(request, await this.options.session.renew(token, request.signal));
  }

  private ensureCallsLeft(purpose: RedditRequest['purpose']): void {
    const rate = this.rateLimit();
    if (rate === null || rate.remaining > RATE_RESERVE[purpose] - 1) return;
    const waitMs = rate.resetsAt - this.options.now();
    throw new ConnectorError(`Reddit's rate limit is nearly used (${rate.remaining} calls left in this window): waiting ${Math.ceil(waitMs / 1000)} s for it to reset.`, 'rate_limited', waitMs);
  }

  private async fetchOnce(request: RedditRequest, token: string): Promise<RedditResponse> {
    const url = new URL(request.path, this.options.origin);
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
    // raw_json=1: bodies without the legacy `&amp;` escaping (the reference's "response body encoding").
    url.searchParams.set('raw_json', '1');
    const answer = await fetchAnswer(this.options.fetch, url, {
      method: request.method,
      headers: { authorization: `Bearer ${token}`, 'user-agent': this.options.userAgent, accept: 'application/json', ...(request.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: request.form ? new URLSearchParams(request.form).toString() : undefined,
      signal: request.signal,
      timeoutMs: this.options.timeoutMs,
      host: 'Reddit',
    });
    this.noteRateLimit(answer.headers);
    return answer;
  }

  private noteRateLimit(headers: Headers): void {
    const used = Number(headers.get('x-ratelimit-used'));
    const remaining = Number(headers.get('x-ratelimit-remaining'));
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (![used, remaining, reset].every((value) => Number.isFinite(value) && value >= 0) || headers.get('x-ratelimit-reset') === null) return;
    this.rate = { used, remaining: Math.floor(remaining), resetsAt: this.options.now() + reset * 1000 };
  }
}

/** Seconds until the window resets (`X-Ratelimit-Reset`), else `Retry-After`, in ms. */
function resetMs(headers: Headers): number | null {
  for (const name of ['x-ratelimit-reset', 'retry-after']) {
    const value = headers.get(name);
    if (value !== null && value.trim() !== '' && Number.isFinite(Number(value))) return Math.max(0, Number(value) * 1000);
  }
  return null;
}

function statusError(response: RedditResponse, what: string): ConnectorError {
  const said = reasonOf(response.body);
  const message = `Reddit answered ${what} with ${response.status}${said ? ` (${said})` : ''}`;
  if (response.status === 429) return new ConnectorError(`${message}: too many calls.`, 'rate_limited', resetMs(response.headers) ?? 60_000);
  // Still 401 after a renewed token, or a token without the scope the call needs: only a new sign-in helps.
  if (response.status === 401 || /insufficient_scope/u.test(response.headers.get('www-authenticate') ?? '')) {
    return new ConnectorError(`${message}: Reddit no longer accepts this sign-in. Sign in again.`, 'auth');
  }
  if (response.status === 404) return new ConnectorError(message, 'not_found');
  if (response.status >= 500 || response.status === 408) return new ConnectorError(message, 'transient', resetMs(response.headers));
  if (response.status === 403) return new ConnectorError(`${message}: ${forbiddenWords(said)}`, 'permanent');
  return new ConnectorError(message, 'permanent');
}

/** Reddit's 403 body: `{"message": "Forbidden", "error": 403}`, with a `reason` for some (`private`, `banned`, `quarantined`). */
function reasonOf(body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const { reason, message } = body as { reason?: unknown; message?: unknown };
    if (typeof reason === 'string') return reason.slice(0, 100);
    if (typeof message === 'string') return message.slice(0, 100);
  }
  return typeof body === 'string' ? body.replace(/<[^>]*>/gu, ' ').replace(/\s+/gu, ' ').trim().slice(0, 120) : '';
}

const FORBIDDEN_REASONS: Readonly<Record<string, string>> = {
  private: 'the community is private.',
  banned: 'the community is banned.',
  quarantined: 'the community is quarantined and this account has not opted in.',
  gold_only: 'the community is for premium members only.',
};

function forbiddenWords(reason: string): string {
  return FORBIDDEN_REASONS[reason] ?? 'the account is not allowed to do this there (it may not be a moderator of that community).';
}
