import { beforeAll, describe, expect, it } from 'vitest';
import { syncBluesky } from '../../../../scripts/peers/blueskyAccounts';
import { HoldingProxy } from '../../../../scripts/peers/holdingProxy';
import { ensurePeers, ENSURE_PEERS_TIMEOUT_MS, type PeerServers } from '../../../../scripts/peers/peers';
import { ConnectorError, type ReplyRequest } from '../connector';
import { connectBrand, personOn, syncAll, untilNotified, type ConnectedBrand } from '../../testing/blueskyTestKit';

// Replies posted by the connector on the local Bluesky network, checked from the other account.

let peers: PeerServers;
beforeAll(async () => {
  peers = await ensurePeers();
}, ENSURE_PEERS_TIMEOUT_MS);

const signal = () => AbortSignal.timeout(20_000);

/** The brand's post, a comment by Bob under it, and the reply request Pieuvre's outbox would make for it. */
async function commentToAnswer(brand: ConnectedBrand, key: string) {
  const bob = await personOn(peers, 'bob');
  const post = await brand.agent.post({ text: 'We are open until 9 tonight.' });
  // The AppView notifies a reply's ancestors only once it has indexed them.
  await syncBluesky(peers);
  const comment = await bob.agent.post({ text: 'Great, see you later', reply: { root: { uri: post.uri, cid: post.cid }, parent: { uri: post.uri, cid: post.cid } } });
  await untilNotified(peers, brand, [comment.uri]);
  const [item] = (await syncAll(brand.connector)).items as Item[];
  if (!item) throw new Error('The comment did not arrive.');
  const request: ReplyRequest = {
    threadExternalId: item.threadExternalId,
    threadRef: item.ref,
    inReplyToExternalId: item.externalId,
    inReplyToRef: item.ref,
    kind: 'comment',
    text: `Thanks @${bob.account.handle}! Menu: https://example.com/menu`,
    idempotencyKey: key,
    messagingTag: null,
  };
  return { bob, post, comment, request };
}

type Item = { externalId: string; ref: Record<string, unknown>; threadExternalId: string };

/** Replies to a post as the other account sees them in its thread. */
async function repliesSeenBy(agent: ConnectedBrand['agent'], uri: string) {
  const { data } = await agent.getPostThread({ uri, depth: 5 });
  const thread = data.thread as { replies?: { post: { uri: string; author: { did: string }; record: Record<string, unknown> } }[] };
  return (thread.replies ?? []).map((reply) => reply.post);
}

describe('Bluesky replies', { timeout: 60_000 }, () => {
  it('posts one reply, threaded under the comment, with its mention and link as facets, seen from the other account', async () => {
    const brand = await connectBrand(peers);
    const { bob, post, comment, request } = await commentToAnswer(brand, 'outbox-key-1');
    const sent = await brand.connector.reply(request, signal());
    expect(sent).toMatchObject({ externalId: expect.stringMatching(/^at:\/\//), ref: { uri: sent.externalId, rootUri: post.uri, rootCid: post.cid } });
    expect(sent.permalink).toBe(`https://bsky.app/profile/${brand.account.handle}/post/${sent.externalId.split('/').pop()}`);
    // Sent again with the same key (a retry after a crash): still one post.
    const again = await brand.connector.reply(request, signal());
    expect(again.externalId).toBe(sent.externalId);
    expect(await brand.connector.findSent(request, signal())).toMatchObject({ externalId: sent.externalId });
    expect(await brand.connector.findSent({ ...request, idempotencyKey: 'never-sent' }, signal())).toBeNull();
    await syncBluesky(peers);

    const replies = await repliesSeenBy(bob.agent, comment.uri);
    expect(replies.map((reply) => reply.uri)).toEqual([sent.externalId]);
    expect(replies[0]?.author.did).toBe(brand.account.did);
    const record = replies[0]?.record as { reply: unknown; facets: { features: { $type: string }[] }[] };
    expect(record.reply).toEqual({ root: { uri: post.uri, cid: post.cid }, parent: { uri: comment.uri, cid: comment.cid } });
    expect(record.facets.flatMap((facet) => facet.features.map((feature) => feature.$type)).sort()).toEqual(['app.bsky.richtext.facet#link', 'app.bsky.richtext.facet#mention']);
    const { data } = await bob.agent.listNotifications();
    expect(data.notifications.filter((notification) => notification.uri === sent.externalId).map((notification) => notification.reason)).toEqual(['mention']);
  });

  it('posts once when the first answer is lost on the way back and the outbox sends again', async () => {
    const proxy = await HoldingProxy.start(peers.bluesky.pds);
    try {
      const brand = await connectBrand(peers, { server: proxy.url });
      const { comment, request, bob } = await commentToAnswer(brand, 'outbox-key-lost');
      const lost = new AbortController();
      void proxy.holdNext((method, path) => method === 'POST' && path.startsWith('/xrpc/com.atproto.repo.createRecord')).then(() => lost.abort());
      const first = await brand.connector.reply(request, lost.signal).then(() => null, (error: unknown) => error);
      expect(first).toBeInstanceOf(ConnectorError);
      expect((first as ConnectorError).kind).toBe('transient');
      const sent = await brand.connector.reply(request, signal());
      await syncBluesky(peers);
      expect((await repliesSeenBy(bob.agent, comment.uri)).map((reply) => reply.uri)).toEqual([sent.externalId]);
    } finally {
      await proxy.stop();
    }
  });

  it('refuses a reply over 300 characters before sending it', async () => {
    const brand = await connectBrand(peers);
    const { request } = await commentToAnswer(brand, 'outbox-key-long');
    const error = await brand.connector.reply({ ...request, text: 'é'.repeat(301) }, signal()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'permanent' });
    expect(await brand.connector.findSent(request, signal())).toBeNull();
  });
});
