import type { ContractKit } from '../../../testing/replyKill';
import { FacebookContractServer } from './facebookContractServer';

/**
 * What the command-line kill test needs from Facebook's contract server: the Meta app the person
 * enters, a Page seeded with comments to answer, the request that posts a reply
 * (`POST /{comment-id}/comments`), and the Page's replies the server holds.
 */
export const facebookContractKit: ContractKit = {
  platform: 'facebook',
  app: { clientId: '1234567890', clientSecret: 'app-secret' },
  async start() {
    const server = await FacebookContractServer.start({ appId: '1234567890', appSecret: 'app-secret' });
    server.seed(20, { spanMs: 3_600_000 });
    return {
      origin: server.url,
      isReplyPost: (method, path) => method === 'POST' && /^\/v\d+\.\d+\/[^/]+\/comments$/u.test(path),
      repliesReceived: () => server.replies.map((reply) => reply.message),
      // The Send API, which also takes a private reply (`recipient: { comment_id }`); the story sends nothing else there.
      privateReplies: { isPost: (method, path) => method === 'POST' && /^\/v\d+\.\d+\/[^/]+\/messages$/u.test(path), received: () => server.privateRepliesReceived().map((reply) => reply.text) },
      requests: () => server.requests,
      close: () => server.close(),
    };
  },
};
