import { BRAND_USER } from '../../../electron/core/connectors/x/contract/xContractData';
import { XContractServer } from '../../../electron/core/connectors/x/contract/xContractServer';
import { X_APP } from '../../../electron/core/connectors/x/contract/xTestKit';
import { xPlatform } from '../../../electron/core/connectors/x/xPlatform';
import { DM_FIELDS, MENTION_FIELDS, X_PAGE_SIZE } from '../../../electron/core/connectors/x/xQueries';
import { encodeXSecret } from '../../../electron/core/connectors/x/xSecret';
import { startTime } from '../../../electron/core/connectors/x/xSync';
import { itemTally, type ContractSyncCase } from './contractSyncCase';

/** High enough that the bench never meets them. */
const LIFTED = 1_000_000_000;

/**
 * X in `sync_ratio_contract`: the contract server seeded with `items` mentions (and a DM for
 * every tenth), its 800-mention cap lifted so the whole seed is reachable. The bare loop reads
 * what one full sync reads: every mentions page from the first backfill's start, then the one
 * page of DM events a pass reads (X allows 15 DM requests per 15 minutes). The rate limits are
 * lifted, as Reddit's: 5,000 items are 50 mentions pages a round, and X allows 300 per 15 minutes.
 */
export const xCase: ContractSyncCase = {
  platform: 'x',
  async start(items) {
    const server = await XContractServer.start({ clientId: X_APP.clientId, mentionsCap: Infinity, limits: { mentions: LIFTED, dm_events: LIFTED } });
    server.seed(items);
    const issued = server.oauth.issue();
    const headers = { authorization: `Bearer ${issued.accessToken}`, accept: 'application/json' };
    const read = async (path: string, query: Record<string, string>) => {
      const response = await fetch(`${server.url}${path}?${new URLSearchParams(query).toString()}`, { headers });
      return (await response.json()) as { data?: unknown[]; meta?: { next_token?: string } };
    };
    return {
      account: { id: 'bench-x', platform: 'x', externalId: BRAND_USER.id, handle: `@${BRAND_USER.username}`, server: null },
      secret: encodeXSecret({ ...issued, userId: BRAND_USER.id, username: BRAND_USER.username }),
      factory: xPlatform.factory(server.url),
      async bareFetchLoop(store) {
        const tally = itemTally(store);
        let token: string | undefined;
        do {
          const page = await read(`/2/users/${BRAND_USER.id}/mentions`, { ...MENTION_FIELDS, max_results: String(X_PAGE_SIZE), start_time: startTime(0), ...(token ? { pagination_token: token } : {}) });
          tally.count(page.data);
          token = page.meta?.next_token;
        } while (token);
        tally.count((await read('/2/dm_events', { ...DM_FIELDS, max_results: String(X_PAGE_SIZE) })).data);
        return tally.seen;
      },
      close: () => server.close(),
    };
  },
};

