import { AtpAgent, RichText } from '@atproto/api';
import { createRestAPIClient, type mastodon } from 'masto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBlueskyAccount, syncBluesky } from './blueskyAccounts';
import { ensurePeers, ENSURE_PEERS_TIMEOUT_MS, type PeerServers } from './peers';
import { createSnacAccount, snacToken, SNAC_HEADERS } from './snacAccounts';

// The local servers the connectors are tested against: a reply that mentions its author must reach
// the author's notifications on each, as it would on the real networks.

/** snac delivers even local posts through a queue that wakes every few seconds. */
const SNAC_DELIVERY_MS = 30_000;

async function waitFor<T>(read: () => Promise<T | undefined>, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Not seen within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let peers: PeerServers;
beforeAll(async () => {
  peers = await ensurePeers();
}, ENSURE_PEERS_TIMEOUT_MS);

describe('local Bluesky network', () => {
  it('notifies the author of a post when another account replies mentioning them', async () => {
    const [alice, bob] = await Promise.all([createBlueskyAccount(peers, 'alice'), createBlueskyAccount(peers, 'bob')]);
    const signIn = async (account: typeof alice): Promise<AtpAgent> => {
      const agent = new AtpAgent({ service: peers.bluesky.pds });
      await agent.login({ identifier: account.handle, password: account.appPassword });
      return agent;
    };
    const [aliceAgent, bobAgent] = await Promise.all([signIn(alice), signIn(bob)]);

    const post = await aliceAgent.post({ text: 'Our new opening hours are out!' });
    const text = new RichText({ text: `@${alice.handle} are you open on Sunday?` });
    await text.detectFacets(bobAgent);
    const reply = await bobAgent.post({
      text: text.text,
      facets: text.facets,
      reply: { root: { uri: post.uri, cid: post.cid }, parent: { uri: post.uri, cid: post.cid } },
    });
    await syncBluesky(peers);

    const { notifications } = (await aliceAgent.app.bsky.notification.listNotifications({ limit: 50 })).data;
    const received = notifications.filter((notification) => notification.uri === reply.uri);
    // A reply that also mentions its author is one notification, of reason "mention".
    expect(received.map((notification) => [notification.reason, notification.author.did])).toEqual([['mention', bob.did]]);
    expect(received[0]?.record).toMatchObject({ text: `@${alice.handle} are you open on Sunday?`, reply: { parent: { uri: post.uri } } });
  });
});

describe('local Mastodon API server (snac2)', () => {
  it('notifies the author of a post when another account replies mentioning them', async () => {
    const [alice, bob] = await Promise.all([createSnacAccount(peers, 'alice'), createSnacAccount(peers, 'bob')]);
    const signIn = async (account: typeof alice): Promise<mastodon.rest.Client> =>
      createRestAPIClient({ url: peers.snac.url, accessToken: await snacToken(peers, account), requestInit: { headers: SNAC_HEADERS } });
    const [aliceClient, bobClient] = await Promise.all([signIn(alice), signIn(bob)]);
    expect((await aliceClient.v1.accounts.verifyCredentials()).acct).toBe(alice.name);

    const post = await aliceClient.v1.statuses.create({ status: 'Our new opening hours are out!', visibility: 'public' });
    const reply = await bobClient.v1.statuses.create({ status: `@${alice.acct} are you open on Sunday?`, inReplyToId: post.id, visibility: 'public' });

    const mention = await waitFor(
      async (): Promise<mastodon.v1.Notification | undefined> =>
        (await aliceClient.v1.notifications.list({ limit: 40 })).find((notification) => notification.type === 'mention'),
      `a mention notification for ${alice.name}`,
      SNAC_DELIVERY_MS,
    );
    expect(mention.account.acct).toBe(bob.acct);
    expect(mention.status?.id).toBe(reply.id);
    expect(mention.status?.inReplyToId).toBe(post.id);
    expect(mention.status?.content).toContain('are you open on Sunday?');
  }, SNAC_DELIVERY_MS + 20_000);
});
