import type { ContractKit } from '../../../testing/replyKill';
import { YoutubeContractServer } from './youtubeContractServer';
import { TEST_APP } from './youtubeTokenDesk';

/** YouTube's part in the wave-2 kill test: a channel with one comment to answer; a reply is comments.insert. */
export const youtubeContractKit: ContractKit = {
  platform: 'youtube',
  app: { ...TEST_APP },
  async start() {
    const server = await YoutubeContractServer.start();
    server.addComment({ text: 'Est-ce que vous livrez à Québec?', publishedAt: Date.now() - 60_000 });
    return {
      origin: server.url,
      isReplyPost: (method, path) => method === 'POST' && path === '/youtube/v3/comments',
      repliesReceived: () => server.repliesReceived().map((reply) => reply.text),
      requests: () => server.requests,
      close: () => server.close(),
    };
  },
};
