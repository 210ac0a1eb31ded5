import { Agent, XRPCError } from '@atproto/api';
import type { ConnectorIo } from '../connector';
import { blueskyError } from './blueskyErrors';
import type { BlueskySession } from './blueskySession';

/** Chat lives on its own service, reached through the PDS with this proxy header. */
export const CHAT_PROXY = { 'atproto-proxy': 'did:web:api.bsky.chat#bsky_chat' } as const;

type Params = Record<string, string | number | boolean | readonly string[] | undefined>;

/**
 * One account's way to the Bluesky API: typed calls through @atproto/api's Agent for writes,
 * and raw queries for the reads whose items are checked one by one (the Agent validates a whole
 * response against the lexicon, so one odd notification would sink its page). Every failure
 * leaves here as a ConnectorError.
 */
export class BlueskyClient {
  readonly agent: Agent;

  constructor(
    readonly session: BlueskySession,
    private readonly io: ConnectorIo,
  ) {
    this.agent = new Agent(session);
  }

  get did(): string {
    return this.session.did;
  }

  async call<T>(what: string, run: (agent: Agent) => Promise<T>): Promise<T> {
    try {
      return await run(this.agent);
    } catch (error) {
      throw blueskyError(error, what, this.io.now());
    }
  }

  /** A GET whose JSON body comes back unvalidated, for the caller to read item by item. */
  async query(nsid: string, params: Params, signal: AbortSignal, headers: Record<string, string> = {}): Promise<unknown> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one));
    }
    try {
      const response = await this.session.fetchHandler(`/xrpc/${nsid}?${search}`, { method: 'GET', headers, signal });
      const body: unknown = await response.json().catch(() => null);
      if (response.ok) return body;
      const { error, message } = (body ?? {}) as { error?: unknown; message?: unknown };
      throw new XRPCError(response.status, typeof error === 'string' ? error : undefined, typeof message === 'string' ? message : undefined, Object.fromEntries(response.headers));
    } catch (error) {
      throw blueskyError(error, nsid, this.io.now());
    }
  }
}
