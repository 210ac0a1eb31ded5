import { memoryUsageMeter } from '../../../accounts/usageMeter';
import type { Connector, ConnectorIo, ReplyRequest, SyncPage, SyncRequest } from '../../connector';
import { encodeXSecret } from '../xSecret';
import { xPlatform } from '../xPlatform';
import { BRAND_USER } from './xContractData';
import { XContractServer, type XContractOptions } from './xContractServer';

/** What the X connector's tests share: a contract server, the account signed in there, its connector through the real factory. */
export const X_APP = { clientId: 'pieuvre-test-client', clientSecret: null };

export type XWorld = { server: XContractServer; connector: Connector; saved: string[]; usage: ReturnType<typeof memoryUsageMeter>; secret: string };

export async function xWorld(options: XContractOptions & { budget?: number | null; io?: Partial<ConnectorIo> } = {}): Promise<XWorld> {
  const server = await XContractServer.start({ clientId: X_APP.clientId, ...options });
  const issued = server.oauth.issue();
  const secret = encodeXSecret({ ...issued, userId: BRAND_USER.id, username: BRAND_USER.username });
  const saved: string[] = [];
  const usage = memoryUsageMeter(options.budget ?? null);
  const connector = await xPlatform.factory(server.url).open(
    { id: 'acct-x', platform: 'x', externalId: BRAND_USER.id, handle: `@${BRAND_USER.username}`, server: null },
    secret,
    { fetch, now: options.now ?? Date.now, saveSecret: async (value) => void saved.push(value), app: X_APP, usage, ...options.io },
  );
  return { server, connector, saved, usage, secret };
}

export function xSyncRequest(overrides: Partial<SyncRequest> = {}): SyncRequest {
  return { cursors: {}, signal: AbortSignal.timeout(30_000), backfillSince: Date.now() - 7 * 86_400_000, recheck: [], ...overrides };
}

/** Syncs until nothing more is ready, as the engine would: each page's cursors stored before the next. */
export async function xSyncAll(connector: Connector, request: SyncRequest): Promise<{ pages: SyncPage[]; cursors: Record<string, string> }> {
  let cursors: Record<string, string> = { ...request.cursors };
  const pages: SyncPage[] = [];
  for (let page = 0; page < 200; page++) {
    const result = await connector.sync({ ...request, cursors });
    pages.push(result);
    cursors = withCursors(cursors, result.cursors);
    if (!result.hasMore) return { pages, cursors };
  }
  throw new Error('The sync never ended.');
}

/** The cursors after a page, as the engine stores them: a name left out keeps its value, null clears it. */
export function withCursors(cursors: Readonly<Record<string, string>>, page: SyncPage['cursors']): Record<string, string> {
  const next = { ...cursors };
  for (const [name, value] of Object.entries(page)) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
}

export function xReplyRequest(overrides: Partial<ReplyRequest> & Pick<ReplyRequest, 'inReplyToRef' | 'text'>): ReplyRequest {
  return { threadExternalId: 'thread-1', threadRef: null, inReplyToExternalId: null, kind: 'mention', idempotencyKey: 'key-1', messagingTag: null, ...overrides };
}
