import { ConnectorError } from '../connector';
import { readGraphError } from '../meta/graphErrorBody';
import { graphFailure } from './graphError';
import { usageOf, type InstagramUsage } from './graphUsage';
import { fetchAnswer, type FetchedAnswer } from '../fetchAnswer';

export type InstagramRequest = {
  method?: 'GET' | 'POST' | 'DELETE';
  /** A versioned path (`/v25.0/me/media`) or a `paging.next` address the platform gave. */
  path: string;
  query?: Record<string, string>;
  /** Sent as JSON (the Send API); other writes take their parameters in the query, as Meta documents them. */
  json?: Record<string, unknown>;
  signal: AbortSignal;
};

export type InstagramHttpOptions = {
  origin: string;
  fetch: typeof fetch;
  now: () => number;
  /** The current access token (it changes when refreshed). */
  token: () => string;
  /**
   * Called once when Meta refuses the token (190): returns true when a fresh one is in place, and
   * the call is made again; false, and the account needs reconnecting.
   */
  renew: (signal: AbortSignal) => Promise<boolean>;
  timeoutMs?: number;
};

/** Plain fetch on graph.instagram.com: Meta's SDK is Marketing-API-shaped and hides the usage headers this needs. */
export class InstagramHttp {
  /** Meta's latest usage answer, for the account's rate-limit view. */
  latestUsage: InstagramUsage | null = null;

  constructor(private readonly options: InstagramHttpOptions) {}

  get origin(): string {
    return this.options.origin;
  }

  /** The parsed body of a 2xx; otherwise the ConnectorError Meta's answer means, after one token renewal on a 190. */
  async call(request: InstagramRequest): Promise<unknown> {
    const first = await this.send(request);
    if (first.ok) return first.body;
    if (readGraphError(first.body)?.code === 190 && (await this.options.renew(request.signal))) {
      const second = await this.send(request);
      if (second.ok) return second.body;
      throw this.failure(second, request);
    }
    throw this.failure(first, request);
  }

  private failure(response: FetchedAnswer, request: InstagramRequest): ConnectorError {
    return graphFailure(response.status, response.headers, response.body, `${request.method ?? 'GET'} ${new URL(request.path, this.options.origin).pathname}`, this.options.now());
  }

  private async send(request: InstagramRequest): Promise<FetchedAnswer & { ok: boolean }> {
    const url = new URL(request.path, this.options.origin);
    // A `paging.next` address must stay on the platform's host: never send the token elsewhere.
    if (url.origin !== new URL(this.options.origin).origin) throw new ConnectorError(`Instagram gave a next page on another host (${url.origin}).`, 'permanent');
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
    // The token travels in the header, never in an address that could be logged.
    url.searchParams.delete('access_token');
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${this.options.token()}` };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    const body = request.json === undefined ? undefined : JSON.stringify(request.json);
    const answer = await fetchAnswer(this.options.fetch, url, { method: request.method, headers, body, signal: request.signal, timeoutMs: this.options.timeoutMs, host: this.options.origin });
    this.latestUsage = usageOf(answer.headers, this.options.now()) ?? this.latestUsage;
    return { ...answer, ok: answer.status >= 200 && answer.status < 300 };
  }
}
