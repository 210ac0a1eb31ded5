import { afterAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../testing/itemBuilder';
import { fuzzSeed, mutatePayload } from '../../testing/mutatePayload';
import { createTestCore } from '../../testing/testCore';
import { normaliseNotification, type MastodonBrand } from './normaliseNotification';
import { BRAND, DIRECT_WITH_MEDIA, mention } from './recorded/mastodonPayloads';
import snacNotifications from './recorded/snacNotifications.json';

// Real notifications (snac2's as it sent them, Mastodon's recorded) mutated a thousand ways
// through the normaliser and the real ingest: nothing throws, and whatever cannot be a message
// is set aside with a reason. FUZZ_SEED=n replays a run.

const SEED = fuzzSeed('Mastodon normaliser');
const RUNS = 1_200;
const ORIGINALS: readonly unknown[] = [...snacNotifications, DIRECT_WITH_MEDIA, mention('4000', '113500000000000004', { in_reply_to_id: '113500000000000001', in_reply_to_account_id: BRAND.id, spoiler_text: 'Plainte' })];
const brand: MastodonBrand = { localId: BRAND.id, handle: 'brulerie@mastodon.example', host: 'mastodon.example' };

const core = createTestCore();
afterAll(() => core.close());

describe('Mastodon normaliser and ingest under mutated payloads', () => {
  it(`never throws and sets aside each payload it cannot take, with why (FUZZ_SEED=${SEED})`, () => {
    const accountId = addAccount(core.context.db, 'mastodon', BRAND.uri);
    const outcomes = { item: 0, skipped: 0, rejected: 0 };
    const items: unknown[] = [];
    for (let index = 0; index < RUNS; index++) {
      const payload = mutatePayload(ORIGINALS[index % ORIGINALS.length], SEED, index);
      const normalised = normaliseNotification(payload, brand, () => undefined);
      outcomes[normalised.outcome] += 1;
      if (normalised.outcome === 'rejected') expect(normalised.reason, `run ${index}`).toMatch(/\S/);
      if (normalised.outcome === 'item') items.push(normalised.item);
    }
    let landed = 0;
    let quarantined = 0;
    for (let start = 0; start < items.length; start += 100) {
      const result = core.context.ingest({ accountId, source: 'fuzz:mastodon', items: items.slice(start, start + 100) });
      expect(result.inserted + result.duplicates + result.rejected).toBe(Math.min(100, items.length - start));
      landed += result.inserted + result.duplicates;
      quarantined += result.rejected;
    }
    const rows = core.context.db.prepare('SELECT reason FROM rejected_items WHERE account_id = ?').all(accountId) as { reason: string }[];
    expect(rows).toHaveLength(quarantined);
    expect(rows.every((row) => /\S/.test(row.reason))).toBe(true);
    // The mutations must actually bite, and intact payloads must still land.
    expect(outcomes.rejected).toBeGreaterThan(RUNS / 10);
    expect(landed).toBeGreaterThan(RUNS / 10);
    console.log(`Mastodon fuzz: ${JSON.stringify(outcomes)}, ${landed} landed, ${quarantined} quarantined by ingest`);
  });
});
