import { memoryUsageMeter } from '../../../accounts/usageMeter';
import type { Connector, Cursors, SyncPage, SyncRequest } from '../../connector';
import { encodeFacebookSecret, type FacebookSecret } from '../facebookSecret';
import { facebookConnectorFactory } from '../facebookPlatform';
import type { FacebookContractServer } from './facebookContractServer';

/** The secret a sign-in would have stored for the contract server's Page. */
export function contractSecret(server: FacebookContractServer, overrides: Partial<FacebookSecret> = {}): FacebookSecret {
  return { pageId: server.page.id, pageName: server.page.name, pageToken: server.pageToken, tasks: server.tasks, userToken: server.userToken, userTokenExpiresAt: null, ...overrides };
}

/** The Page's connector pointed at the contract server; `saved` keeps every secret it stored. */
export function openContractConnector(server: FacebookContractServer, options: { now?: () => number; secret?: Partial<FacebookSecret> } = {}) {
  const saved: string[] = [];
  const connector = facebookConnectorFactory(server.url).open(
    { id: 'acct-fb', platform: 'facebook', externalId: server.page.id, handle: server.page.name, server: null },
    encodeFacebookSecret(contractSecret(server, options.secret)),
    { fetch, now: options.now ?? Date.now, saveSecret: async (secret) => void saved.push(secret), app: { clientId: server.app.clientId, clientSecret: server.app.clientSecret }, usage: memoryUsageMeter() },
  ) as Connector;
  return { connector, saved };
}

export const syncRequest = (cursors: Cursors, backfillSince: number, recheck: SyncRequest['recheck'] = []): SyncRequest => ({ cursors, signal: AbortSignal.timeout(20_000), backfillSince, recheck });

/** The cursors as the engine keeps them once a page is in: a name left out keeps its value, null clears it. */
export function applyCursors(cursors: Cursors, page: SyncPage): Record<string, string> {
  const next: Record<string, string> = { ...cursors };
  for (const [name, value] of Object.entries(page.cursors)) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
}

/** One pass as the sync engine runs it: pages while there are more, cursors applied after each. */
export async function syncPass(connector: Connector, cursors: Cursors, backfillSince: number, recheck: SyncRequest['recheck'] = []) {
  const pages: SyncPage[] = [];
  let current: Cursors = cursors;
  for (let page = await connector.sync(syncRequest(current, backfillSince, recheck)); ; page = await connector.sync(syncRequest(current, backfillSince))) {
    pages.push(page);
    current = applyCursors(current, page);
    if (!page.hasMore) return { pages, cursors: current, items: pages.flatMap((each) => each.items) as { externalId: string; kind: string; ref: Record<string, unknown> }[] };
  }
}
