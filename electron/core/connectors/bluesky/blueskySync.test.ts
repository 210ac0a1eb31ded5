import { RichText } from '@atproto/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { syncBluesky } from '../../../../scripts/peers/blueskyAccounts';
import { ensurePeers, ENSURE_PEERS_TIMEOUT_MS, type PeerServers } from '../../../../scripts/peers/peers';
import { incomingItemSchema } from '../../../../shared/domain/incomingItem';
import { connectBrand, personOn, syncAll, untilNotified } from '../../testing/blueskyTestKit';

// Sync against the local Bluesky network (scripts/peers/): real notifications from real posts.

let peers: PeerServers;
beforeAll(async () => {
  peers = await ensurePeers();
}, ENSURE_PEERS_TIMEOUT_MS);

const strongRef = (post: { uri: string; cid: string }) => ({ uri: post.uri, cid: post.cid });

describe('Bluesky sync', { timeout: 60_000 }, () => {
  it('turns a mention, replies and a quote into items (a reply that mentions the brand is one), and leaves likes and follows out', async () => {
    const brand = await connectBrand(peers);
    const bob = await personOn(peers, 'bob');
    const post = await brand.agent.post({ text: 'Our new opening hours are out!', createdAt: new Date().toISOString() });
    // The AppView notifies a reply's ancestors only once it has indexed them: each parent first.
    await syncBluesky(peers);
    const thread = { root: strongRef(post), parent: strongRef(post) };
    const plain = await bob.agent.post({ text: 'Open on Sunday? https://example.com/hours', reply: thread, langs: ['fr-CA'], facets: await facetsOf(bob.agent, 'Open on Sunday? https://example.com/hours') });
    await syncBluesky(peers);
    const mentioning = `@${brand.account.handle} and on holidays?`;
    const withMention = await bob.agent.post({ text: mentioning, reply: thread, facets: await facetsOf(bob.agent, mentioning) });
    const nested = await bob.agent.post({ text: 'Never mind, found it.', reply: { root: strongRef(post), parent: strongRef(plain) } });
    const aside = `Thanks @${brand.account.handle}!`;
    const mention = await bob.agent.post({
      text: aside,
      facets: await facetsOf(bob.agent, aside),
      embed: { $type: 'app.bsky.embed.external', external: { uri: 'https://example.com/card', title: 'A card', description: '' } },
    });
    const quote = await bob.agent.post({ text: 'Look at this', embed: { $type: 'app.bsky.embed.record', record: strongRef(post) } });
    await bob.agent.like(post.uri, post.cid);
    await bob.agent.follow(brand.account.did);
    await untilNotified(peers, brand, [plain.uri, withMention.uri, nested.uri, mention.uri, quote.uri]);

    const { items, pages, cursors } = await syncAll(brand.connector);
    expect(pages.flatMap((page) => page.rejected)).toEqual([]);
    const parsed = items.map((item) => incomingItemSchema.parse(item));
    const byId = new Map(parsed.map((item) => [item.externalId, item]));
    expect(parsed.map((item) => item.externalId).sort()).toEqual([plain.uri, withMention.uri, nested.uri, mention.uri, quote.uri].sort());
    expect(byId.get(plain.uri)).toMatchObject({
      kind: 'comment',
      threadExternalId: post.uri,
      parentExternalId: post.uri,
      author: { externalId: bob.account.did, handle: bob.account.handle },
      post: { externalId: post.uri, text: 'Our new opening hours are out!' },
      language: 'fr',
      ref: { uri: plain.uri, cid: plain.cid, rootUri: post.uri, rootCid: post.cid },
      attachments: [{ kind: 'link', url: 'https://example.com/hours', alt: null }],
    });
    expect(byId.get(withMention.uri)).toMatchObject({ kind: 'comment', threadExternalId: post.uri });
    expect(byId.get(nested.uri)).toMatchObject({ kind: 'comment', threadExternalId: post.uri, parentExternalId: plain.uri });
    expect(byId.get(mention.uri)).toMatchObject({ kind: 'mention', threadExternalId: mention.uri, post: null, attachments: [{ kind: 'link', url: 'https://example.com/card', alt: 'A card' }] });
    expect(byId.get(quote.uri)).toMatchObject({ kind: 'mention', threadExternalId: quote.uri });
    expect(byId.get(quote.uri)?.attachments[0]?.url).toContain(post.uri.split('/').pop());

    // Caught up: the next sync brings only what is new.
    const later = await bob.agent.post({ text: `@${brand.account.handle} one more`, facets: await facetsOf(bob.agent, `@${brand.account.handle} one more`) });
    await syncBluesky(peers);
    const next = await syncAll(brand.connector, { cursors });
    expect(next.items.map((item) => (item as { externalId: string }).externalId)).toContain(later.uri);
    expect(next.items.length).toBeLessThanOrEqual(2);
  });

  it('backfills page by page with progress, back to the time asked and no further', async () => {
    const brand = await connectBrand(peers);
    const bob = await personOn(peers, 'bob');
    // Distinct dates, as real notifications have: the AppView pages by date, so posts written in
    // one millisecond would straddle a page boundary.
    const since = Date.now() - 60_000;
    const mentionWrites = (count: number, from: number, start: number) =>
      Array.from({ length: count }, (_, index) => {
        const text = `@${brand.account.handle} question ${from + index}`;
        const facets = [{ index: { byteStart: 0, byteEnd: brand.account.handle.length + 1 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: brand.account.did }] }];
        return { $type: 'com.atproto.repo.applyWrites#create' as const, collection: 'app.bsky.feed.post', value: { $type: 'app.bsky.feed.post', text, facets, createdAt: new Date(start + index * 10).toISOString() } };
      });
    await bob.agent.com.atproto.repo.applyWrites({ repo: bob.account.did, writes: [...mentionWrites(5, 0, since - 60_000), ...mentionWrites(120, 5, since)] });
    await syncBluesky(peers);

    const { pages, items } = await syncAll(brand.connector, { backfillSince: since });
    expect(pages.length).toBe(2);
    expect(pages[0]?.hasMore).toBe(true);
    expect(pages[0]?.progress).toBeGreaterThan(0.7);
    expect(pages[0]?.progress).toBeLessThan(1);
    expect(pages[1]?.progress).toBe(1);
    expect(new Set(items.map((item) => (item as { text: string }).text)).size).toBe(120);
    expect(items.some((item) => /question [0-4]$/.test((item as { text: string }).text))).toBe(false);
  });

  it('notices a post deleted by its author when rechecking', async () => {
    const brand = await connectBrand(peers);
    const bob = await personOn(peers, 'bob');
    const post = await brand.agent.post({ text: 'Hello' });
    await syncBluesky(peers);
    const kept = await bob.agent.post({ text: 'Hi!', reply: { root: strongRef(post), parent: strongRef(post) } });
    const gone = await bob.agent.post({ text: 'Oops', reply: { root: strongRef(post), parent: strongRef(post) } });
    await untilNotified(peers, brand, [kept.uri, gone.uri]);
    const first = await syncAll(brand.connector);
    await bob.agent.deletePost(gone.uri);
    await syncBluesky(peers);
    const recheck = first.items.map((item) => ({ externalId: (item as { externalId: string }).externalId, ref: null }));
    const { pages } = await syncAll(brand.connector, { cursors: first.cursors, recheck });
    expect(pages.flatMap((page) => page.updates)).toEqual([{ change: 'deleted', platform: 'bluesky', externalId: gone.uri, deletedAt: expect.any(Number) }]);
    expect(recheck.map(({ externalId }) => externalId)).toContain(kept.uri);
  });
});

async function facetsOf(agent: Parameters<RichText['detectFacets']>[0], text: string) {
  const rich = new RichText({ text });
  await rich.detectFacets(agent);
  return rich.facets;
}
