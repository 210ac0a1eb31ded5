/**
 * A core syncing one Bluesky account from a deterministic paged platform, on the data folder
 * given (`DATA_DIR PAGES ITEMS_PER_PAGE`), for the kill test (syncKill.test.ts): killed with SIGKILL at any moment, started
 * again, it must end with every item once. Prints `done` once a pass ends with nothing more.
 */
import type { Connector, ConnectorFactory, SyncPage, SyncRequest } from '../connectors/connector';
import { DEMO_LIMITS } from '../connectors/demo/demoLimits';
import { keyFileKeyProvider } from '../secrets/keyFileKeyProvider';
import { createCore } from '../core';
import { commentItem } from './itemBuilder';
import { memoryLog } from './memoryLog';
import { createApiClient, throwingCall } from '../../../shared/api/client';
import { inProcessTransport } from '../api/inProcessTransport';

const [dataDir = '', pages = '40', itemsPerPage = '25'] = process.argv.slice(2);
const PAGES = Number(pages);
const ITEMS_PER_PAGE = Number(itemsPerPage);

const pageAt = async (request: SyncRequest): Promise<SyncPage> => {
  const page = Number(request.cursors.page ?? '0');
  // A little network time per page: kills land during requests as well as between writes.
  await new Promise((resolve) => setTimeout(resolve, 5));
  // Everything was read: nothing new until the platform has more.
  if (page >= PAGES) return { items: [], updates: [], rejected: [], cursors: {}, hasMore: false, progress: null };
  const items = Array.from({ length: ITEMS_PER_PAGE }, (_, k) => commentItem({ n: page * ITEMS_PER_PAGE + k, platform: 'bluesky', thread: `thread-${page}` }));
  return { items, updates: [], rejected: [], cursors: { page: String(page + 1) }, hasMore: page + 1 < PAGES, progress: (page + 1) / PAGES };
};

const factory: ConnectorFactory = {
  platform: 'bluesky',
  open: (): Connector => ({
    platform: 'bluesky',
    limits: DEMO_LIMITS.bluesky,
    idempotencyWindowMs: 0,
    moderation: [],
    sync: pageAt,
    reply: () => Promise.reject(new Error('not in this test')),
    findSent: () => Promise.reject(new Error('not in this test')),
    moderate: () => Promise.reject(new Error('not in this test')),
    close: () => {},
  }),
};

const core = createCore({
  dataDir,
  log: memoryLog().log,
  keyProviders: [keyFileKeyProvider(dataDir)],
  platforms: {
    factories: { bluesky: factory },
    signIns: { bluesky: async () => ({ platform: 'bluesky', externalId: 'did:plc:brand', handle: 'brand.test', name: 'Brand', server: null, secret: 'session' }) },
  },
  sync: { random: () => 0 },
});
const call = throwingCall(createApiClient(inProcessTransport(core.server, core.events)));
const [account] = await call('accounts.list', {});
const id = account?.id ?? (await call('accounts.connectBluesky', { identifier: 'brand.test', appPassword: 'app-password' })).id;
process.stdout.write('ready\n');
// Joins the pass the start (or the sign-in) began, then one more to be sure nothing is left.
await call('accounts.syncNow', { id });
const last = await call('accounts.syncNow', { id });
process.stdout.write(`done ${last.inserted}\n`);
core.close();
await core.log.close();
