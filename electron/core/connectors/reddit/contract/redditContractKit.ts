import type { ContractKit } from '../../../testing/replyKill';
import { CLIENT_ID } from './openRedditConnector';
import { RedditContractServer } from './redditContractServer';
import { BRAND, commentMessage, SEED_END_S } from './redditFixtures';

/** Reddit in the wave-2 kill test: an installed app (no secret), one comment reply to answer, replies posted with `POST /api/comment`. */
export const redditContractKit: ContractKit = {
  platform: 'reddit',
  app: { clientId: CLIENT_ID, clientSecret: null },
  async start() {
    const server = await RedditContractServer.start({ clientId: CLIENT_ID });
    server.arrive(commentMessage('kill1', { createdS: SEED_END_S, body: 'Vous êtes ouverts le 24 décembre?' }));
    return {
      origin: server.url,
      isReplyPost: (method, path) => method === 'POST' && path === '/api/comment',
      repliesReceived: () => [...server.comments.values()].filter((comment) => comment.author === BRAND.name).map((comment) => comment.body),
      requests: () => server.requests,
      close: () => server.close(),
    };
  },
};
