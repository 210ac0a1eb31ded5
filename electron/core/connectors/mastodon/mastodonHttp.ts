import { ConnectorError } from '../connector';
import { fetchAnswer, type FetchedAnswer } from '../fetchAnswer';

/**
 * Plain fetch rather than masto's client: masto calls the global fetch (the core's own `fetch`,
 * which decides which hosts may be reached, could not be used), throws away the response's
 * headers on errors we need (`Retry-After`, `X-RateLimit-Reset`, `Link`) and gives no status for
 * an error page that is not JSON (snac answers 404 with HTML).
 */
export type MastodonHttpOptions = {
  /** The server's origin, `https://mastodon.social`. */
  origin: string;
  accessToken: string | null;
  fetch: typeof fetch;
  now: () => number;
  /** Each call's own limit; the caller's signal can end it sooner. */
  timeoutMs?: number;
};

export type MastodonRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `/api/v1/...`; query parameters whose value is an array are sent as `name[]=…` each. */
  path: string;
  query?: Record<string, string | readonly string[] | undefined>;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  signal: AbortSignal;
};

export type MastodonResponse = FetchedAnswer;

export class MastodonHttp {
  constructor(private readonly options: MastodonHttpOptions) {}

  get origin(): string {
    return this.options.origin;
  }

  /** The response of a 2xx, else a ConnectorError saying what the server refused and how to go on. */
  async call(request: MastodonRequest): Promise<MastodonResponse> {
    return this.ensureOk(await this.send(request), request);
  }

  /** The response if it is a 2xx, else the ConnectorError its status means. */
  ensureOk(response: MastodonResponse, request: Pick<MastodonRequest, 'method' | 'path'>): MastodonResponse {
    if (response.status >= 200 && response.status < 300) return response;
    throw statusError(response, `${request.method ?? 'GET'} ${request.path}`, this.options.now());
  }

  /** Any answer the server gave, errors included; only a failure to reach it throws. */
  async send(request: MastodonRequest): Promise<MastodonResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (this.options.accessToken !== null) headers.authorization = `Bearer ${this.options.accessToken}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    return fetchAnswer(this.options.fetch, this.url(request), { method: request.method, headers, body, signal: request.signal, timeoutMs: this.options.timeoutMs, host: this.options.origin });
  }

  private url({ path, query }: MastodonRequest): string {
    const url = new URL(path, this.options.origin);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (typeof value === 'string') url.searchParams.append(name, value);
      else for (const each of value ?? []) url.searchParams.append(`${name}[]`, each);
    }
    return url.toString();
  }
}

/** How long the server asks us to wait: `Retry-After` (seconds or a date), else `X-RateLimit-Reset` (a date). */
export function retryAfterMs(headers: Headers, now: number): number | null {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (retryAfter.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  const reset = Date.parse(headers.get('x-ratelimit-reset') ?? '');
  return Number.isFinite(reset) ? Math.max(0, reset - now) : null;
}

function statusError(response: MastodonResponse, what: string, now: number): ConnectorError {
  const said = serverMessage(response.body);
  const message = `${what}: ${response.status}${said ? ` (${said})` : ''}`;
  if (response.status === 429) return new ConnectorError(`${message}: rate limited.`, 'rate_limited', retryAfterMs(response.headers, now));
  if (response.status === 401) return new ConnectorError(`${message}: the server refused the account's token.`, 'auth');
  // Mastodon answers 403 "This action is outside the authorized scopes" or for a suspended account.
  if (response.status === 403 && /token|scope|suspend|disabled/i.test(said)) return new ConnectorError(`${message}: the server refused the account's token.`, 'auth');
  if (response.status === 404 || response.status === 410) return new ConnectorError(message, 'not_found');
  if (response.status >= 500 || response.status === 408) return new ConnectorError(message, 'transient', retryAfterMs(response.headers, now));
  return new ConnectorError(message, 'permanent');
}

/** Mastodon errors are `{"error": "..."}`; other servers may send an HTML page, kept short. */
function serverMessage(body: unknown): string {
  if (typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string') return (body as { error: string }).error.slice(0, 300);
  return typeof body === 'string' ? body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) : '';
}
