import { CLIENT_ID, REDDIT_ACCOUNT, signedInSecret } from '../../../electron/core/connectors/reddit/contract/openRedditConnector';
import { RedditContractServer } from '../../../electron/core/connectors/reddit/contract/redditContractServer';
import { redditPlatform } from '../../../electron/core/connectors/reddit/redditPlatform';
import { redditUserAgent } from '../../../electron/core/connectors/reddit/redditOrigins';
import { PAGE_SIZE } from '../../../electron/core/connectors/reddit/redditEntities';
import { itemTally, type ContractSyncCase } from './contractSyncCase';

/**
 * Reddit in `sync_ratio_contract`: the inbox seeded with `items` items ending now (so that the
 * backfill reaches them all), synced through the connector; the bare loop reads the same
 * `/message/inbox` pages (100 each, `after` the last fullname) with fetch and JSON.parse only.
 * The rate limit is lifted: the bench measures Pieuvre, not Reddit's 100 calls a minute.
 */
export const redditCase: ContractSyncCase = {
  platform: 'reddit',
  async start(items) {
    const server = await RedditContractServer.start({ clientId: CLIENT_ID, rateLimit: 1_000_000_000 });
    server.seed(items, 1, Math.floor(Date.now() / 1000));
    const bareToken = server.issueTokens().accessToken;
    return {
      account: REDDIT_ACCOUNT,
      secret: signedInSecret(server),
      factory: redditPlatform.factory(server.url),
      async bareFetchLoop(store) {
        const tally = itemTally(store);
        let after: string | null = null;
        do {
          const url = new URL('/message/inbox', server.url);
          url.search = new URLSearchParams({ limit: String(PAGE_SIZE), raw_json: '1', ...(after ? { after } : {}) }).toString();
          const response = await fetch(url, { headers: { authorization: `Bearer ${bareToken}`, 'user-agent': redditUserAgent(REDDIT_ACCOUNT.handle.slice(2)) } });
          const listing = JSON.parse(await response.text()) as { data: { children: unknown[]; after: string | null } };
          tally.count(listing.data.children);
          after = listing.data.after;
        } while (after !== null);
        return tally.seen;
      },
      close: () => server.close(),
    };
  },
};
