import { YoutubeContractServer } from '../../../electron/core/connectors/youtube/contract/youtubeContractServer';
import { BRAND_CHANNEL } from '../../../electron/core/connectors/youtube/contract/youtubeResources';
import { signedInSecret, YOUTUBE_ACCOUNT } from '../../../electron/core/connectors/youtube/contract/youtubeTestKit';
import { youtubePlatform } from '../../../electron/core/connectors/youtube/youtubePlatform';
import { itemTally, type ContractSyncCase } from './contractSyncCase';

type ListPage = { nextPageToken?: string; items: { id: string; snippet: { totalReplyCount?: number }; replies?: { comments: unknown[] } }[] };

/**
 * YouTube in `sync_ratio_contract`: a channel of `items` comments (one a second, so that all are
 * within any backfill), synced through the connector, against a bare loop that reads the same
 * pages (commentThreads.list by 100, comments.list for threads with more replies than embedded)
 * with fetch and JSON.parse only, counting the comments.
 */
export const youtubeCase: ContractSyncCase = {
  platform: 'youtube',
  async start(items) {
    const server = await YoutubeContractServer.start();
    server.seed(items, { newest: Date.now() - 60_000, spacingMs: 1_000 });
    const secret = signedInSecret(server, Date.now());
    const { accessToken } = JSON.parse(secret) as { accessToken: string };
    const get = async (path: string, query: Record<string, string | undefined>): Promise<ListPage> => {
      const url = new URL(path, server.url);
      for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
      return JSON.parse(await (await fetch(url, { headers: { authorization: `Bearer ${accessToken}` } })).text()) as ListPage;
    };
    const common = { maxResults: '100', textFormat: 'plainText' };
    return {
      account: YOUTUBE_ACCOUNT,
      secret,
      factory: youtubePlatform.factory(server.url),
      async bareFetchLoop(store) {
        const tally = itemTally(store);
        for (const moderationStatus of [undefined, 'heldForReview']) {
          let pageToken: string | undefined;
          do {
            const page = await get('/youtube/v3/commentThreads', { part: 'snippet,replies', allThreadsRelatedToChannelId: BRAND_CHANNEL.id, order: 'time', moderationStatus, pageToken, ...common });
            for (const thread of page.items) {
              const embedded = thread.replies?.comments ?? [];
              // A thread whose replies are not all embedded has them read in full instead.
              if ((thread.snippet.totalReplyCount ?? 0) <= embedded.length) {
                tally.count([thread, ...embedded]);
                continue;
              }
              tally.count([thread]);
              let replyToken: string | undefined;
              do {
                const replies = await get('/youtube/v3/comments', { part: 'snippet', parentId: thread.id, pageToken: replyToken, ...common });
                tally.count(replies.items);
                replyToken = replies.nextPageToken;
              } while (replyToken !== undefined);
            }
            pageToken = page.nextPageToken;
          } while (pageToken !== undefined);
        }
        return tally.seen;
      },
      close: () => server.close(),
    };
  },
};
