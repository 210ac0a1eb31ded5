import { afterAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../testing/itemBuilder';
import { fuzzSeed, mutatePayload } from '../../testing/mutatePayload';
import { createTestCore } from '../../testing/testCore';
import { BRAND, commentMessage, privateMessage } from './contract/redditFixtures';
import { normaliseInboxItem } from './normaliseInboxItem';
import { normaliseQueuedComment } from './normaliseQueuedComment';

// Reddit inbox items shaped as the reference documents them, mutated a thousand ways through the
// normaliser and the real ingest: nothing throws, and whatever cannot be a message is set aside
// with a reason. FUZZ_SEED=n replays a run.

const SEED = fuzzSeed('Reddit normaliser');
const RUNS = 1_200;
/** A comment as the moderation queue lists it (the reference's Comment schema). */
const QUEUED = {
  kind: 't1',
  data: { name: 't1_q1', author: 'troll_42', author_fullname: 't2_9zz', body: 'Boycott! https://example.com 😡', parent_id: 't3_zz9', link_id: 't3_zz9', link_title: 'Nouvelle torréfaction', created_utc: 1_764_849_600, edited: false, permalink: '/r/montreal/comments/zz9/nouvelle/q1/', subreddit: 'montreal', removed: false },
};
const ORIGINALS: readonly unknown[] = [
  commentMessage('c1'),
  commentMessage('c2', { type: 'post_reply', body: 'Horrible service, never again 😡 https://example.com/review' }),
  commentMessage('c3', { type: 'username_mention', author: 'brulerie_mtl' }),
  privateMessage('m1'),
  privateMessage('m2', { replyTo: 't4_m1', body: 'Merci beaucoup!' }),
  QUEUED,
];

const core = createTestCore();
afterAll(() => core.close());

describe('Reddit normaliser and ingest under mutated payloads', () => {
  it(`never throws and sets aside each payload it cannot take, with why (FUZZ_SEED=${SEED})`, () => {
    const accountId = addAccount(core.context.db, 'reddit', `t2_${BRAND.id}`);
    const outcomes = { item: 0, rejected: 0 };
    const items: unknown[] = [];
    for (let index = 0; index < RUNS; index++) {
      const original = ORIGINALS[index % ORIGINALS.length];
      const payload = mutatePayload(original, SEED, index);
      const normalised = original === QUEUED ? normaliseQueuedComment(payload, BRAND) : normaliseInboxItem(payload, BRAND);
      outcomes[normalised.outcome] += 1;
      if (normalised.outcome === 'rejected') expect(normalised.reason, `run ${index}`).toMatch(/\S/u);
      else items.push(normalised.item);
    }
    let landed = 0;
    let quarantined = 0;
    for (let start = 0; start < items.length; start += 100) {
      const result = core.context.ingest({ accountId, source: 'fuzz:reddit', items: items.slice(start, start + 100) });
      expect(result.inserted + result.duplicates + result.rejected).toBe(Math.min(100, items.length - start));
      landed += result.inserted + result.duplicates;
      quarantined += result.rejected;
    }
    const rows = core.context.db.prepare('SELECT reason FROM rejected_items WHERE account_id = ?').all(accountId) as { reason: string }[];
    expect(rows).toHaveLength(quarantined);
    expect(rows.every((row) => /\S/u.test(row.reason))).toBe(true);
    // The mutations must actually bite, and intact payloads must still land.
    expect(outcomes.rejected).toBeGreaterThan(RUNS / 10);
    expect(landed).toBeGreaterThan(RUNS / 10);
    console.log(`Reddit fuzz: ${JSON.stringify(outcomes)}, ${landed} landed, ${quarantined} quarantined by ingest`);
  });
});
