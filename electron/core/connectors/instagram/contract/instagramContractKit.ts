import type { ContractKit } from '../../../testing/replyKill';
import { INSTAGRAM_API_VERSION } from '../instagramHosts';
import { CONTRACT_APP, InstagramContractServer } from './instagramContractServer';
import { BRAND } from './instagramWorld';

const REPLY_POST = new RegExp(`^/${INSTAGRAM_API_VERSION.replace('.', '\\.')}/[\\w.:-]+/replies$`, 'u');
/** The Send API, which also takes a private reply (`recipient: { comment_id }`); the story sends nothing else there. */
const SEND_POST = `/${INSTAGRAM_API_VERSION}/${BRAND.userId}/messages`;

/** The kill-9 story's Instagram: one recent media with a customer's comment the brand answers. */
export const instagramContractKit: ContractKit = {
  platform: 'instagram',
  app: CONTRACT_APP,
  async start() {
    const server = await InstagramContractServer.start();
    const media = server.world.addMedia('Notre torréfaction du jour ☕', Date.now() - 3_600_000);
    server.world.addComment(media, 'Vous livrez à Québec?', Date.now() - 600_000, { id: '6000000000000077', username: 'cliente.quebec' });
    return {
      origin: server.url,
      isReplyPost: (method, path) => method === 'POST' && REPLY_POST.test(path),
      repliesReceived: () => media.comments.flatMap((top) => top.replies).filter((reply) => reply.fromId === BRAND.userId).map((reply) => reply.text),
      privateReplies: {
        isPost: (method, path) => method === 'POST' && path === SEND_POST,
        received: () => server.world.conversations.flatMap((conversation) => conversation.messages).filter((message) => message.fromId === BRAND.userId).map((message) => message.text),
      },
      requests: () => server.requests,
      close: () => server.close(),
    };
  },
};
