import { RichText } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncBluesky } from '../../../../scripts/peers/blueskyAccounts';
import { ensurePeers, ENSURE_PEERS_TIMEOUT_MS } from '../../../../scripts/peers/peers';
import { addAccount } from '../../testing/itemBuilder';
import { fuzzSeed, mutatePayload } from '../../testing/mutatePayload';
import { createTestCore, type TestCore } from '../../testing/testCore';
import { brandRootOf, notificationItem, parseNotification } from './blueskyNormalise';
import type { PostView } from './blueskyPosts';
import { connectBrand, personOn, untilNotified } from '../../testing/blueskyTestKit';

// Real notifications from the local Bluesky network, mutated a few thousand times (seeded) and
// sent through the connector's normalisation and the real ingest: nothing throws, and every
// payload that cannot become a message is quarantined with a reason, by the normaliser or ingest.

const MUTANTS_PER_PAYLOAD = 400;

let payloads: unknown[] = [];
let brandDid = '';
let roots = new Map<string, PostView>();
let core: TestCore;

beforeAll(async () => {
  const peers = await ensurePeers();
  const brand = await connectBrand(peers);
  const bob = await personOn(peers, 'bob');
  const post = await brand.agent.post({ text: 'Our new opening hours are out!' });
  await syncBluesky(peers);
  const ref = { uri: post.uri, cid: post.cid };
  const text = `@${brand.account.handle} open on Sunday? https://example.com/hours`;
  const rich = new RichText({ text });
  await rich.detectFacets(bob.agent);
  const writes = await Promise.all([
    bob.agent.post({ text: rich.text, facets: rich.facets, reply: { root: ref, parent: ref }, langs: ['fr-CA'] }),
    bob.agent.post({ text: 'Plain reply', reply: { root: ref, parent: ref } }),
    bob.agent.post({ text: rich.text, facets: rich.facets, embed: { $type: 'app.bsky.embed.external', external: { uri: 'https://example.com/card', title: 'Card', description: '' } } }),
    bob.agent.post({ text: 'Quoting', embed: { $type: 'app.bsky.embed.record', record: ref } }),
  ]);
  await untilNotified(peers, brand, writes.map((write) => write.uri));
  payloads = (await brand.agent.listNotifications({ limit: 100 })).data.notifications;
  brandDid = brand.account.did;
  const { data } = await brand.agent.getPosts({ uris: [post.uri] });
  roots = new Map(data.posts.map((view) => [view.uri, view as unknown as PostView]));
  core = createTestCore();
}, ENSURE_PEERS_TIMEOUT_MS);

afterAll(() => core?.close());

describe('Bluesky normalisation under malformed payloads', () => {
  it('never throws, and quarantines with a reason every mutant that cannot be a message', { timeout: 120_000 }, () => {
    const seed = fuzzSeed('blueskyNormalise');
    const accountId = addAccount(core.context.db, 'bluesky', brandDid);
    expect(payloads.length).toBe(4);
    let quarantinedByNormaliser = 0;
    let quarantinedByIngest = 0;
    let stored = 0;
    payloads.forEach((payload, payloadIndex) => {
      for (let index = 0; index < MUTANTS_PER_PAYLOAD; index += 1) {
        const mutant = mutatePayload(payload, seed, payloadIndex * MUTANTS_PER_PAYLOAD + index);
        const where = `seed ${seed}, payload ${payloadIndex}, mutant ${index}`;
        const parsed = parseNotification(mutant);
        if (parsed.kind === 'skipped') continue;
        if (parsed.kind === 'rejected') {
          expect(parsed.reason, where).toMatch(/^bluesky notification: .+/);
          quarantinedByNormaliser += 1;
          continue;
        }
        const item = notificationItem(parsed.notification, brandDid, brandRootOf(parsed.notification, brandDid) ? roots : new Map());
        const result = core.context.ingest({ accountId, source: 'poll:bluesky', items: [item] });
        expect(result.inserted + result.duplicates + result.rejected, where).toBe(1);
        quarantinedByIngest += result.rejected;
        stored += result.inserted + result.duplicates;
      }
    });
    const reasons = core.context.db.prepare('SELECT reason FROM rejected_items WHERE account_id = ?').all(accountId) as { reason: string }[];
    expect(reasons).toHaveLength(quarantinedByIngest);
    expect(reasons.every(({ reason }) => reason.trim() !== '')).toBe(true);
    // The mutations are not vacuous: some are kept, some refused. Which stage refuses depends
    // on the seed (the normaliser catches most; some seeds leave nothing for ingest to refuse).
    expect(stored).toBeGreaterThan(0);
    expect(quarantinedByNormaliser + quarantinedByIngest).toBeGreaterThan(0);
  });
});
