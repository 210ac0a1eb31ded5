import { FacebookContractServer } from '../../../electron/core/connectors/facebook/contract/facebookContractServer';
import { encodeFacebookSecret } from '../../../electron/core/connectors/facebook/facebookSecret';
import { facebookConnectorFactory } from '../../../electron/core/connectors/facebook/facebookPlatform';
import { COMMENT_FIELDS, CONVERSATION_FIELDS, MESSAGE_FIELDS, MESSAGES_LIMIT, PAGE_LIMIT, POST_FIELDS } from '../../../electron/core/connectors/facebook/facebookFields';
import { GRAPH_VERSION } from '../../../electron/core/connectors/facebook/graphVersion';
import { itemTally, type ContractSyncCase } from './contractSyncCase';

const DAY_MS = 86_400_000;

type GraphList = { data: { id: string }[]; paging?: { cursors?: { after?: string }; next?: string } };

/**
 * Facebook in `sync_ratio_contract`: the Graph contract server seeded with `items` comments and
 * Messenger messages over three days, synced by the connector; the bare loop reads the same
 * pages (the feed, every post's comments, the conversations, each one's messages) with fetch and
 * JSON.parse only.
 */
export const facebookCase: ContractSyncCase = {
  platform: 'facebook',
  async start(items) {
    const server = await FacebookContractServer.start();
    server.seed(items);
    const headers = { authorization: `Bearer ${server.pageToken}` };
    const list = async (path: string, query: Record<string, string>): Promise<{ id: string }[]> => {
      const all: { id: string }[] = [];
      for (let after: string | undefined; ; ) {
        const url = new URL(`/${GRAPH_VERSION}${path}`, server.url);
        for (const [name, value] of Object.entries({ ...query, ...(after === undefined ? {} : { after }) })) url.searchParams.set(name, value);
        const page = JSON.parse(await (await fetch(url, { headers })).text()) as GraphList;
        all.push(...page.data);
        after = page.paging?.cursors?.after;
        if (page.paging?.next === undefined || after === undefined) return all;
      }
    };
    return {
      account: { id: 'bench-facebook', platform: 'facebook', externalId: server.page.id, handle: server.page.name, server: null },
      secret: encodeFacebookSecret({ pageId: server.page.id, pageName: server.page.name, pageToken: server.pageToken, tasks: server.tasks, userToken: server.userToken, userTokenExpiresAt: null }),
      factory: facebookConnectorFactory(server.url),
      async bareFetchLoop(store) {
        const tally = itemTally(store);
        const since = String(Math.floor((Date.now() - 7 * DAY_MS) / 1000));
        for (const post of await list(`/${server.page.id}/feed`, { fields: POST_FIELDS, since, limit: PAGE_LIMIT })) {
          tally.count(await list(`/${post.id}/comments`, { fields: COMMENT_FIELDS, filter: 'stream', order: 'reverse_chronological', limit: PAGE_LIMIT }));
        }
        for (const conversation of await list(`/${server.page.id}/conversations`, { platform: 'messenger', fields: CONVERSATION_FIELDS, limit: '25' })) {
          const url = new URL(`/${GRAPH_VERSION}/${conversation.id}/messages?fields=${MESSAGE_FIELDS}&limit=${MESSAGES_LIMIT}`, server.url);
          tally.count((JSON.parse(await (await fetch(url, { headers })).text()) as GraphList).data);
        }
        return tally.seen;
      },
      close: () => server.close(),
    };
  },
};
