import type { AccountLimitsView } from '../../../../shared/api/accounts';
import { ConnectorError, type UsageMeter } from '../connector';
import { fetchAnswer, type FetchedAnswer } from '../fetchAnswer';
import { billingPeriod } from './xPricing';
import { xProblemSchema } from './xEntities';
import type { RefreshingToken } from '../oauth/refreshingToken';
import type { XSecret } from './xSecret';

export type XHttpOptions = {
  /** `https://api.x.com`, or a contract server on 127.0.0.1. */
  origin: string;
  tokens: RefreshingToken<XSecret>;
  fetch: typeof fetch;
  now: () => number;
  usage: UsageMeter;
  timeoutMs?: number;
};

export type XRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  body?: Record<string, unknown>;
  /** What the call does, for messages: "reading mentions", "posting the reply". */
  what: string;
  /** What the answer cost in USD (X bills what it returned), counted once it succeeded. */
  cost: (body: unknown) => number;
  signal: AbortSignal;
};

export type XResponse = FetchedAnswer;

/** When X says nothing of its reset: its windows are 15 minutes. */
const DEFAULT_RETRY_MS = 15 * 60_000;

/** X API v2 over the core's fetch: the bearer token (refreshed once when refused), what each call cost, the latest rate-limit headers. */
export class XHttp {
  /** X's latest `x-rate-limit-*` answer per endpoint (each has its own window). */
  private readonly rateLimits = new Map<string, NonNullable<AccountLimitsView['rateLimit']>>();

  constructor(private readonly options: XHttpOptions) {}

  get origin(): string {
    return this.options.origin;
  }

  /** The answer of a 2xx, its cost counted; else the ConnectorError its status and problem body mean. */
  async call(request: XRequest): Promise<XResponse> {
    const response = await this.send(request);
    if (response.status < 200 || response.status >= 300) throw xError(response, request.what, this.options.now());
    this.options.usage.add(billingPeriod(this.options.now()), request.cost(response.body));
    return response;
  }

  /** Any answer X gave, after one token refresh if it refused the token; only a failure to reach it throws. */
  async send(request: XRequest): Promise<XResponse> {
    const token = await this.options.tokens.accessToken(request.signal);
    const first = await this.once(request, token);
    if (first.status !== 401) return first;
    return this.once(request, await this.options.tokens.renew(token, request.signal));
  }

  private async once(request: XRequest, token: string): Promise<XResponse> {
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const answer = await fetchAnswer(this.options.fetch, this.url(request), { method: request.method, headers, body, signal: request.signal, timeoutMs: this.options.timeoutMs, host: 'X' });
    this.noteRateLimit(request, answer.headers);
    return answer;
  }

  /** For the account's view: of the endpoints' windows still running, the one with the fewest calls left. */
  get rateLimit(): AccountLimitsView['rateLimit'] {
    const now = this.options.now();
    const running = [...this.rateLimits.values()].filter((window) => window.resetsAt === null || window.resetsAt > now);
    return running.reduce<AccountLimitsView['rateLimit']>((tightest, window) => (tightest === null || (window.remaining ?? Infinity) < (tightest.remaining ?? Infinity) ? window : tightest), null);
  }

  private noteRateLimit(request: XRequest, headers: Headers): void {
    const limit = headerNumber(headers, 'x-rate-limit-limit');
    const remaining = headerNumber(headers, 'x-rate-limit-remaining');
    const reset = headerNumber(headers, 'x-rate-limit-reset');
    if (limit === null && remaining === null && reset === null) return;
    // Ids left out: `/2/tweets/:id/hidden` is one window whatever the post.
    this.rateLimits.set(`${request.method ?? 'GET'} ${request.path.replace(/\/[0-9]+(?=\/|$)/gu, '/:id')}`, { limit, remaining, resetsAt: reset === null ? null : reset * 1000 });
  }

  private url({ path, query }: XRequest): string {
    const url = new URL(path, this.options.origin);
    for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(name, value);
    return url.toString();
  }
}

function headerNumber(headers: Headers, name: string): number | null {
  const value = Number(headers.get(name) ?? '');
  return headers.get(name) !== null && Number.isFinite(value) ? value : null;
}

/** How long X asks us to wait: `x-rate-limit-reset` (epoch seconds), else `retry-after`, else its 15-minute window. */
export function retryAfterMs(headers: Headers, now: number): number {
  const reset = headerNumber(headers, 'x-rate-limit-reset');
  if (reset !== null) return Math.max(0, reset * 1000 - now);
  const retryAfter = headerNumber(headers, 'retry-after');
  return retryAfter !== null ? Math.max(0, retryAfter * 1000) : DEFAULT_RETRY_MS;
}

/**
 * X's refusal as the sync engine and the outbox need it, in words a person understands: the
 * problem's `detail` (why a reply was refused, which access the app lacks) is kept as X wrote it.
 */
export function xError(response: XResponse, what: string, now: number): ConnectorError {
  const problem = xProblemSchema.safeParse(response.body);
  const type = problem.success ? (problem.data.type ?? '') : '';
  const said = problem.success ? (problem.data.detail ?? problem.data.title ?? '') : typeof response.body === 'string' ? response.body.replace(/<[^>]*>/gu, ' ').replace(/\s+/gu, ' ').trim() : '';
  const because = said ? `: ${said.slice(0, 300).replace(/\.$/u, '')}` : '';
  if (type.endsWith('/usage-capped')) return new ConnectorError(`X refused ${what}: this X app’s usage cap is reached${because}. X accepts calls again at its next billing cycle, or once the cap is raised in the X Developer Console.`, 'permanent');
  if (response.status === 429) return new ConnectorError(`X asked Pieuvre to slow down while ${what} (${response.status}).`, 'rate_limited', retryAfterMs(response.headers, now));
  if (response.status === 401) return new ConnectorError(`X no longer accepts this account’s sign-in (${what}): reconnect it.`, 'auth');
  if (type.endsWith('/client-forbidden')) return new ConnectorError(`X refused ${what}: your X app does not have access to this part of the API${because}. Check the app’s access in the X Developer Console.`, 'permanent');
  if (response.status === 403) return new ConnectorError(`X refused ${what}${because || ' (403)'}.`, 'permanent');
  if (response.status === 404) return new ConnectorError(`X no longer has it (${what}, 404)${because}.`, 'not_found');
  if (response.status >= 500 || response.status === 408) return new ConnectorError(`X had a problem while ${what} (${response.status}); Pieuvre tries again.`, 'transient');
  return new ConnectorError(`X refused ${what} (${response.status})${because}.`, 'permanent');
}
