import { afterAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../testing/itemBuilder';
import { fuzzSeed, mutatePayload } from '../../testing/mutatePayload';
import { createTestCore } from '../../testing/testCore';
import { BRAND_USER, seedDms, seedMentions } from './contract/xContractData';
import { normaliseDm, normaliseMention, usersById, type XBrand } from './normaliseX';

// X posts and DM events as the contract server serves them (the reference's shapes), mutated a
// thousand ways through the normaliser and the real ingest: nothing throws, and whatever cannot
// be a message is set aside with a reason. FUZZ_SEED=n replays a run.

const SEED = fuzzSeed('X normaliser');
const RUNS = 1_200;
const NEWEST = Date.parse('2026-12-05T12:00:00.000Z');
const { posts, users } = seedMentions(10, NEWEST, 60_000);
const DMS = seedDms(4, NEWEST, 60_000);
const ORIGINALS: readonly unknown[] = [...posts, ...DMS];
const brand: XBrand = { userId: BRAND_USER.id, username: BRAND_USER.username };
const known = usersById(users);

const core = createTestCore();
afterAll(() => core.close());

describe('X normaliser and ingest under mutated payloads', () => {
  it(`never throws and sets aside each payload it cannot take, with why (FUZZ_SEED=${SEED})`, () => {
    const accountId = addAccount(core.context.db, 'x', BRAND_USER.id);
    const outcomes = { item: 0, skipped: 0, rejected: 0 };
    const items: unknown[] = [];
    for (let index = 0; index < RUNS; index++) {
      const original = ORIGINALS[index % ORIGINALS.length];
      const payload = mutatePayload(original, SEED, index);
      const normalised = DMS.includes(original as never) ? normaliseDm(payload, known, brand) : normaliseMention(payload, known, new Map(), brand);
      outcomes[normalised.outcome] += 1;
      if (normalised.outcome === 'rejected') expect(normalised.reason, `run ${index}`).toMatch(/\S/u);
      if (normalised.outcome === 'item') items.push(normalised.item);
    }
    let landed = 0;
    let quarantined = 0;
    for (let start = 0; start < items.length; start += 100) {
      const result = core.context.ingest({ accountId, source: 'fuzz:x', items: items.slice(start, start + 100) });
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
    console.log(`X fuzz (FUZZ_SEED=${SEED}): ${JSON.stringify(outcomes)}, ${landed} landed, ${quarantined} quarantined by ingest`);
  });
});
