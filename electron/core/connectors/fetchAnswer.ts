import { networkFailure } from './networkFailure';

/** What a platform answered: its status, headers and body (parsed JSON, else the text as it came). */
export type FetchedAnswer = { status: number; headers: Headers; body: unknown };

export type AnswerRequest = {
  method?: string;
  headers: Record<string, string>;
  body?: string | URLSearchParams;
  /** The caller's: the core closing or the account pausing ends the call. */
  signal: AbortSignal;
  /** Each call's own limit; the caller's signal can end it sooner. */
  timeoutMs?: number;
  /** Who is called, in a network failure's message (`Reddit`, an origin). */
  host: string;
};

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * One call to a platform, as every connector makes it: the caller's signal and a timeout, no
 * redirect followed (a token must not travel to another host), a failure to reach the host mapped
 * by `networkFailure`, and the body read whatever the status, for the platform's own error reading.
 */
export async function fetchAnswer(fetchImpl: typeof fetch, url: URL | string, request: AnswerRequest): Promise<FetchedAnswer> {
  const timeout = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetchImpl(url, { method: request.method ?? 'GET', headers: request.headers, body: request.body, signal: AbortSignal.any([request.signal, timeout]), redirect: 'manual' });
  } catch (error) {
    throw networkFailure(error, request.signal, timeout, request.host);
  }
  const text = await response.text().catch(() => '');
  return { status: response.status, headers: response.headers, body: parseJsonOrText(text) };
}

/** A JSON body parsed; anything else (an HTML error page, an empty 204) kept as the text it is. */
function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
