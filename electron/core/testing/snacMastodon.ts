import { memoryUsageMeter } from '../accounts/usageMeter';
import { createRestAPIClient, type mastodon } from 'masto';
import { SNAC_HEADERS } from '../../../scripts/peers/snacAccounts';
import type { Connector, ReplyRequest, SyncPage, SyncRequest } from '../connectors/connector';
import { mastodonConnectorFactory } from '../connectors/mastodon/mastodonConnectorFactory';
import { encodeMastodonSecret } from '../connectors/mastodon/mastodonSecret';

/** What the Mastodon connector's tests share: snac's own connection per request, polling, a client for the other side. */

/** The core's fetch as snac needs it (see SNAC_HEADERS). */
export const snacFetch: typeof fetch = (input, init = {}) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...SNAC_HEADERS } });

/** snac delivers even local posts through a queue that wakes every few seconds. */
export const SNAC_DELIVERY_MS = 30_000;

export async function waitFor<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = SNAC_DELIVERY_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Not seen within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

export function openMastodonConnector(server: string, accessToken: string, fetchImpl: typeof fetch = snacFetch): Connector {
  return mastodonConnectorFactory.open(
    { id: 'acct-1', platform: 'mastodon', externalId: 'unused', handle: 'unused', server },
    encodeMastodonSecret({ server, accessToken }),
    { fetch: fetchImpl, now: Date.now, saveSecret: async () => {}, app: null, usage: memoryUsageMeter() },
  );
}

/** masto's client, for what the other account does and sees. */
export const mastoClient = (url: string, accessToken: string): mastodon.rest.Client => createRestAPIClient({ url, accessToken, requestInit: { headers: SNAC_HEADERS } });

export function syncRequest(overrides: Partial<SyncRequest> = {}): SyncRequest {
  return { cursors: {}, signal: AbortSignal.timeout(30_000), backfillSince: Date.now() - 7 * 86_400_000, recheck: [], ...overrides };
}

/** Syncs until nothing more is ready (the backfill's pages), as the engine would, gathering every page. */
export async function syncAll(connector: Connector, request: SyncRequest): Promise<{ pages: SyncPage[]; cursors: Record<string, string> }> {
  let cursors: Record<string, string> = { ...request.cursors };
  const pages: SyncPage[] = [];
  for (let page = 0; page < 50; page++) {
    const result = await connector.sync({ ...request, cursors });
    pages.push(result);
    for (const [name, value] of Object.entries(result.cursors)) {
      if (value === null) delete cursors[name];
      else cursors = { ...cursors, [name]: value };
    }
    if (!result.hasMore) return { pages, cursors };
  }
  throw new Error('The sync never ended.');
}

export function replyRequest(overrides: Partial<ReplyRequest> & Pick<ReplyRequest, 'inReplyToRef' | 'text'>): ReplyRequest {
  return {
    threadExternalId: 'thread-1',
    threadRef: null,
    inReplyToExternalId: 'in-reply-to',
    kind: 'mention',
    idempotencyKey: `key-${Math.random().toString(36).slice(2)}`,
    messagingTag: null,
    ...overrides,
  };
}
