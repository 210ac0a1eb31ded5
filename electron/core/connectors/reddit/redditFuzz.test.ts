import { afterAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../testing/itemBuilder';
import { fuzzSeed, mutatePayload } from '../../testing/mutatePayload';
import { createTestCore } from '../../testing/testCore';
import { BRAND, commentMessage, privateMessage } from './contract/redditFixtures';
import { normaliseInboxItem } from './normaliseInboxItem';

// Reddit inbox items shaped as the reference documents them, mutated a thousand ways through the
// normaliser and the real ingest: nothing throws, and whatever cannot be a message is set aside
// with a reason. FUZZ_SEED=n replays a run.

const SEED = fuzzSeed('Reddit normaliser');
const RUNS = 1_200;
const ORIGINALS: readonly unknown[] = [
  commentMessage('c1'),
  commentMessage('c2', { type: 'post_reply', body: 'Horrible service, never again 😡 https://example.com/review' }),
  commentMessage('c3', { type: 'username_mention', author: 'brulerie_mtl' }),
  privateMessage('m1'),
  privateMessage('m2', { replyTo: 't4_m1', body: 'Merci beaucoup!' }),
];

const core = createTestCore();
afterAll(() => core.close());

describe('Reddit normaliser and ingest under mutated payloads', () => {
  it(`never throws and sets aside each payload it cannot take, with why (FUZZ_SEED=${SEED})`, () => {
    const accountId = addAccount(core.context.db, 'reddit', `t2_${BRAND.id}`);
    const outcomes = { item: 0, rejected: 0 };
    const items: unknown[] = [];
    for (let index = 0; index < RUNS; index++) {
      const normalised = normaliseInboxItem(mutatePayload(ORIGINALS[index % ORIGINALS.length], SEED, index), BRAND);
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
