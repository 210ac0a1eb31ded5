import { afterAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../testing/itemBuilder';
import { fuzzSeed, mutatePayload } from '../../testing/mutatePayload';
import { createTestCore } from '../../testing/testCore';
import { BRAND } from './contract/instagramWorld';
import type { InstagramMedia } from './instagramEntities';
import { normaliseComment, normaliseMessage, type InstagramBrand } from './normaliseInstagram';

// Instagram payloads as the reference's examples write them (a comment with its expanded
// replies, a DM), mutated a thousand ways through the normaliser and the real ingest: nothing
// throws, and whatever cannot be a message is set aside with a reason. FUZZ_SEED=n replays a run.

const SEED = fuzzSeed('Instagram normaliser');
const RUNS = 1_200;
const brand: InstagramBrand = { userId: BRAND.userId, username: BRAND.username };
const media: InstagramMedia = { id: '17895695668004550', caption: 'Nouveau torréfié ☕ https://brulerie.example', permalink: 'https://www.instagram.com/p/C1a2b3c4/', timestamp: '2026-12-01T18:10:30+0000', comments_count: 3 };
const COMMENT = {
  id: '17873440459141021',
  text: 'I love this! 😍 https://example.com',
  timestamp: '2026-12-04T18:10:30+0000',
  from: { id: '6000000000000001', username: 'marie.tremblay' },
  username: 'marie.tremblay',
  hidden: false,
  like_count: 2,
  replies: { data: [{ id: '17870913679156914', text: '@marie.tremblay merci!', timestamp: '2026-12-04T19:16:02+0000', from: { id: BRAND.userId, username: BRAND.username }, username: BRAND.username, hidden: false, parent_id: '17873440459141021', like_count: 0 }] },
};
const MESSAGE = { id: 'aWdfZAG1faWQ6MTpJR01lc3NhZA', created_time: '2026-12-04T20:00:00+0000', from: { id: '6000000000000001', username: 'marie.tremblay' }, to: { data: [{ id: BRAND.userId, username: BRAND.username }] }, message: 'Allô, ma commande #123 est en retard?' };

const core = createTestCore();
afterAll(() => core.close());

describe('Instagram normaliser and ingest under mutated payloads', () => {
  it(`never throws and sets aside each payload it cannot take, with why (FUZZ_SEED=${SEED})`, () => {
    const accountId = addAccount(core.context.db, 'instagram', BRAND.userId);
    const outcomes = { item: 0, rejected: 0 };
    const items: unknown[] = [];
    for (let index = 0; index < RUNS; index++) {
      const isComment = index % 2 === 0;
      const payload = mutatePayload(isComment ? COMMENT : MESSAGE, SEED, index);
      const results = isComment ? normaliseComment(payload, media, brand).results : [normaliseMessage(payload, 'aWdfZAGlconv1', brand)];
      for (const result of results) {
        outcomes[result.outcome] += 1;
        if (result.outcome === 'rejected') expect(result.reason, `run ${index}`).toMatch(/\S/u);
        else items.push(result.item);
      }
    }
    let landed = 0;
    let quarantined = 0;
    for (let start = 0; start < items.length; start += 100) {
      const result = core.context.ingest({ accountId, source: 'fuzz:instagram', items: items.slice(start, start + 100) });
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
    console.log(`Instagram fuzz: ${JSON.stringify(outcomes)}, ${landed} landed, ${quarantined} quarantined by ingest`);
  });
});
