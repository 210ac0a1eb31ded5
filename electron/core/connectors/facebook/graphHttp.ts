import { ConnectorError } from '../connector';
import { fetchAnswer } from '../fetchAnswer';
import { graphError } from './graphErrors';
import { readUsage, type GraphUsage } from '../meta/graphUsage';
import { GRAPH_VERSION } from './graphVersion';

export type GraphHttpOptions = {
  /** graph.facebook.com, or the contract server standing for it. */
  origin: string;
  fetch: typeof fetch;
  now: () => number;
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
    const url = new URL(`/${GRAPH_VERSION}${call.path}`, this.options.origin);
    for (const [name, value] of Object.entries(call.query ?? {})) if (value !== undefined) url.searchParams.set(name, value);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.token !== null) headers.authorization = `Bearer ${call.token}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const answer = await fetchAnswer(this.options.fetch, url, { method: call.method, headers, body, signal: call.signal, timeoutMs: this.options.timeoutMs, host: this.options.origin });
    const usage = readUsage(answer.headers);
    if (usage !== null) this.usage = { value: usage, at: this.options.now() };
    return { status: answer.status, body: answer.body };
  }
}

/** A Graph answer that is not what the reference promises: the platform misbehaved for now, try again later. */
export const unexpectedAnswer = (what: string): ConnectorError => new ConnectorError(`${what}: Facebook answered with something that is not what its reference describes.`, 'transient');
