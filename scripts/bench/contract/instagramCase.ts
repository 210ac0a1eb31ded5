import { InstagramContractServer } from '../../../electron/core/connectors/instagram/contract/instagramContractServer';
import { BRAND } from '../../../electron/core/connectors/instagram/contract/instagramWorld';
import { COMMENT_WITH_REPLIES_FIELDS, CONVERSATION_FIELDS, MEDIA_FIELDS, MESSAGE_FIELDS, PAGE_LIMIT } from '../../../electron/core/connectors/instagram/instagramFields';
import { graphPath } from '../../../electron/core/connectors/instagram/instagramHosts';
import { instagramPlatform } from '../../../electron/core/connectors/instagram/instagramPlatform';
import { encodeInstagramSecret } from '../../../electron/core/connectors/instagram/instagramSecret';
import { itemTally, type ContractSyncCase } from './contractSyncCase';

type Page = { data: Record<string, unknown>[]; paging?: { next?: string } };

/**
 * Instagram in `sync_ratio_contract`: the contract server seeded with N comments, replies and
 * DMs over the last six days; the bare loop reads the pages the connector reads (recent media,
 * each media's comments with replies expanded, conversations, each one's messages).
 */
export const instagramCase: ContractSyncCase = {
  platform: 'instagram',
  async start(items) {
    const server = (await InstagramContractServer.start()).seed(items, { days: 6 });
    const token = server.issueToken(0);
    const now = Date.now();
    const secret = encodeInstagramSecret({ accessToken: token, issuedAt: now, expiresAt: now + 60 * 86_400_000, userId: BRAND.userId, username: BRAND.username });
    const read = async (address: string): Promise<Page> => JSON.parse(await (await fetch(address, { headers: { authorization: `Bearer ${token}` } })).text()) as Page;
    const all = async (address: string): Promise<Record<string, unknown>[]> => {
      const entries: Record<string, unknown>[] = [];
      for (let next: string | undefined = address; next !== undefined; ) {
        const page: Page = await read(next);
        entries.push(...page.data);
        next = page.data.length > 0 ? page.paging?.next : undefined;
      }
      return entries;
    };
    const url = (path: string, query: Record<string, string>) => `${server.url}${graphPath(path)}?${new URLSearchParams(query).toString()}`;
    return {
      account: { id: 'bench-instagram', platform: 'instagram', externalId: BRAND.userId, handle: BRAND.username, server: null },
      secret,
      factory: instagramPlatform.factory(server.url),
      async bareFetchLoop(store) {
        const tally = itemTally(store);
        const media = (await read(url('/me/media', { fields: MEDIA_FIELDS, limit: '50' }))).data;
        for (const each of media) {
          if (each.comments_count === 0) continue;
          for (const comment of await all(url(`/${String(each.id)}/comments`, { fields: COMMENT_WITH_REPLIES_FIELDS, limit: PAGE_LIMIT }))) tally.count([comment, ...((comment.replies as { data?: unknown[] } | undefined)?.data ?? [])]);
        }
        for (const conversation of await all(url('/me/conversations', { platform: 'instagram', fields: CONVERSATION_FIELDS, limit: '25' }))) {
          tally.count((await read(url(`/${String(conversation.id)}/messages`, { fields: MESSAGE_FIELDS }))).data);
        }
        return tally.seen;
      },
      close: () => server.close(),
    };
  },
};
