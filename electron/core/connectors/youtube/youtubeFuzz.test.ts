import { afterAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../testing/itemBuilder';
import { fuzzSeed, mutatePayload } from '../../testing/mutatePayload';
import { createTestCore } from '../../testing/testCore';
import { BRAND_CHANNEL, threadResource } from './contract/youtubeResources';
import { seedThreads } from './contract/youtubeSeed';
import { normaliseThread } from './normaliseComment';

// commentThread resources as the contract server serves them (top-level comments, embedded
// replies, held ones), mutated a thousand ways through the normaliser and the real ingest:
// nothing throws, and whatever cannot be a message is set aside with a reason. FUZZ_SEED=n replays a run.

const SEED = fuzzSeed('YouTube normaliser');
const RUNS = 1_200;
const ORIGINALS: readonly unknown[] = seedThreads(60, { newest: Date.parse('2026-12-05T18:00:00Z'), brandChannelId: BRAND_CHANNEL.id, seed: 7 })
  .filter((thread, index) => thread.replies.length > 0 || index % 4 === 0)
  .map((thread) => threadResource(thread, BRAND_CHANNEL.id, 'plainText', thread.replies));

const core = createTestCore();
afterAll(() => core.close());

describe('YouTube normaliser and ingest under mutated payloads', () => {
  it(`never throws and sets aside each payload it cannot take, with why (FUZZ_SEED=${SEED})`, () => {
    const accountId = addAccount(core.context.db, 'youtube', BRAND_CHANNEL.id);
    let normalisedRejections = 0;
    const items: unknown[] = [];
    for (let index = 0; index < RUNS; index++) {
      const payload = mutatePayload(ORIGINALS[index % ORIGINALS.length], SEED, index);
      const thread = normaliseThread(payload, BRAND_CHANNEL.id);
      for (const { reason } of thread.rejected) expect(reason, `run ${index}`).toMatch(/\S/);
      normalisedRejections += thread.rejected.length;
      items.push(...thread.items);
    }
    let landed = 0;
    let quarantined = 0;
    for (let start = 0; start < items.length; start += 100) {
      const result = core.context.ingest({ accountId, source: 'fuzz:youtube', items: items.slice(start, start + 100) });
      expect(result.inserted + result.duplicates + result.rejected).toBe(Math.min(100, items.length - start));
      landed += result.inserted + result.duplicates;
      quarantined += result.rejected;
    }
    const rows = core.context.db.prepare('SELECT reason FROM rejected_items WHERE account_id = ?').all(accountId) as { reason: string }[];
    expect(rows).toHaveLength(quarantined);
    expect(rows.every((row) => /\S/.test(row.reason))).toBe(true);
    // The mutations must actually bite, and intact payloads must still land.
    expect(normalisedRejections).toBeGreaterThan(RUNS / 10);
    expect(landed).toBeGreaterThan(RUNS / 10);
    console.log(`YouTube fuzz: ${normalisedRejections} rejected by the normaliser, ${landed} landed, ${quarantined} quarantined by ingest`);
  });
});
