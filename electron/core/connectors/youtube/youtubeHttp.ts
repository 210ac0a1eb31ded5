import { ConnectorError } from '../connector';
import { fetchAnswer, type FetchedAnswer } from '../fetchAnswer';
import { readFailure, youtubeError } from './youtubeErrors';
import type { YoutubeQuota } from './youtubeQuota';
import type { RefreshingToken } from '../oauth/refreshingToken';
import type { YoutubeSecret } from './youtubeSecret';

export type YoutubeRequest = {
  method?: 'GET' | 'POST' | 'DELETE';
  /** `/youtube/v3/commentThreads` */
  path: string;
  query: Record<string, string | undefined>;
  body?: unknown;
  /** What Google charges for the call, in quota units (charged even when it fails, as Google does). */
  cost: number;
  signal: AbortSignal;
};

/**
 * Plain fetch over the YouTube Data API (five endpoints do not need `googleapis`, which calls the
 * global fetch and hides the error reasons quota handling needs). Each call counts its quota
 * cost, carries a fresh token, and is tried once more after a 401 with a renewed one.
 */
export class YoutubeHttp {
  constructor(
    private readonly options: { origin: string; session: RefreshingToken<YoutubeSecret>; quota: YoutubeQuota; fetch: typeof fetch; now: () => number; timeoutMs?: number },
  ) {}

  /** The body of a 2xx answer (null for 204), else the ConnectorError it means. */
  async call(request: YoutubeRequest): Promise<unknown> {
    const waitMs = this.options.quota.exhaustedForMs();
    if (waitMs !== null) throw new ConnectorError('The daily YouTube quota is used up until midnight Pacific time.', 'rate_limited', waitMs);
    const token = await this.options.session.accessToken(request.signal);
    let answer = await this.send(request, token);
    if (answer.status === 401) answer = await this.send(request, await this.options.session.renew(token, request.signal));
    const { status, headers, body } = answer;
    // An empty 2xx (a 204 after a moderation call) is null, not the empty text.
    if (status >= 200 && status < 300) return body === '' ? null : body;
    const { quota } = this.options;
    const error = youtubeError(`${request.method ?? 'GET'} ${request.path}`, readFailure(status, body), headers, this.options.now(), () => quota.markExhausted());
    if (error.kind === 'rate_limited' && quota.exhaustedForMs() === null) quota.noteRateLimited(error.retryAfterMs ?? 0);
    throw error;
  }

  private async send(request: YoutubeRequest, token: string): Promise<FetchedAnswer> {
    const url = new URL(request.path, this.options.origin);
    for (const [name, value] of Object.entries(request.query)) if (value !== undefined) url.searchParams.set(name, value);
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const answer = await fetchAnswer(this.options.fetch, url, { method: request.method, headers, body, signal: request.signal, timeoutMs: this.options.timeoutMs, host: 'YouTube' });
    // Google counts every request it answered, the refused ones too.
    this.options.quota.charge(request.cost);
    return answer;
  }
}
