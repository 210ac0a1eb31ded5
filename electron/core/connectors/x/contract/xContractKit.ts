import type { ContractKit } from '../../../testing/replyKill';
import { mentionPost, SEEDED_AUTHORS, snowflake } from './xContractData';
import { XContractServer } from './xContractServer';
import { X_APP } from './xTestKit';

/** The X contract server for the wave-2 kill test (testing/replyKill.ts): one mention of the brand to answer. */
export const xContractKit: ContractKit = {
  platform: 'x',
  app: X_APP,
  async start() {
    const server = await XContractServer.start({ clientId: X_APP.clientId });
    const at = Date.now() - 60_000;
    server.addPost(mentionPost({ id: snowflake(at, 1), author: SEEDED_AUTHORS[0]!, text: 'Est-ce que vous livrez à Québec?', lang: 'fr', at }));
    return {
      origin: server.url,
      isReplyPost: (method, path) => method === 'POST' && path === '/2/tweets',
      // X gives a reply back with the @mention it puts in front: the kill test compares the words the brand wrote.
      repliesReceived: () => server.repliesReceived().map((post) => post.text.replace(/^(@\w+\s+)+/u, '')),
      requests: () => server.requests,
      close: () => server.close(),
    };
  },
};

