import { ConnectorError } from '../connector';
import { networkFailure } from '../networkFailure';
import { graphError } from './graphErrors';
import { readUsage, type GraphUsage } from './graphUsage';
import { GRAPH_VERSION } from './graphVersion';

export type GraphHttpOptions = {
  /** graph.facebook.com, or the contract server standing for it. */
  origin: string;
  fetch: typeof fetch;
  now: () => number;
  /** Each call's own limit; the caller's signal can end it sooner. */
  timeoutMs?: number;
};

export type GraphCall = {
  method?: 'GET' | 'POST' | 'DELETE';
  /** After the version: `/{page-id}/feed`. */
  path: string;
  query?: Record<string, string | undefined>;
  /** Sent as JSON, which Graph takes for every POST (the Send API documents it). */
  body?: Record<string, unknown>;
  /** null: a call that carries its credentials in its parameters (the token exchange). */
  token: string | null;
  signal: AbortSignal;
  /** Named in errors: `reading the Page's posts`. */
  what: string;
};

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Plain fetch on the pinned Graph version: the token in the Authorization header (never in a URL
 * that could be logged), Meta's usage headers kept from every answer, and every error mapped to
 * what it means for the sync and the outbox.
 */
export class GraphHttp {
  /** The latest usage Meta announced, and when: the account's rate-limit view. */
  usage: { value: GraphUsage; at: number } | null = null;

  constructor(private readonly options: GraphHttpOptions) {}

  get origin(): string {
    return this.options.origin;
  }

  /** The parsed body of a 2xx, else the ConnectorError its Graph error means. */
  async call(call: GraphCall): Promise<unknown> {
    const response = await this.send(call);
    if (response.status >= 200 && response.status < 300) return response.body;
    throw graphError(response.status, response.body, call.what, this.usage?.value ?? null);
  }

  /** Any answer Graph gave, errors included; only a failure to reach it throws. */
  async send(call: GraphCall): Promise<{ status: number; body: unknown }> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const url = new URL(`/${GRAPH_VERSION}${call.path}`, this.options.origin);
    for (const [name, value] of Object.entries(call.query ?? {})) if (value !== undefined) url.searchParams.set(name, value);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.token !== null) headers.authorization = `Bearer ${call.token}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.options.fetch(url, {
        method: call.method ?? 'GET',
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.any([call.signal, timeout]),
        redirect: 'manual',
      });
    } catch (error) {
      throw networkFailure(error, call.signal, timeout, this.options.origin);
    }
    const usage = readUsage(response.headers);
    if (usage !== null) this.usage = { value: usage, at: this.options.now() };
    const text = await response.text().catch(() => '');
    return { status: response.status, body: parseJson(text) };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A Graph answer that is not what the reference promises: the platform misbehaved for now, try again later. */
export const unexpectedAnswer = (what: string): ConnectorError => new ConnectorError(`${what}: Facebook answered with something that is not what its reference describes.`, 'transient');
