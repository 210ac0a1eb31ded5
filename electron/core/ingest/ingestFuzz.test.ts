import { describe, expect, it } from 'vitest';
import { addAccount, commentItem, T0 } from '../testing/itemBuilder';
import { fuzzSeed, mutatePayload } from '../testing/mutatePayload';
import { openDatabase } from '../store/database';
import { createIngest } from './ingest';

const MUTANTS = 1_500;
const BATCH = 25;

/** Valid payloads of each shape real platforms give ingest, to be mutated. */
const originals = [
  { change: 'edited', platform: 'mastodon', externalId: 'msg-1', text: 'Corrigé', editedAt: T0 + 60_000, attachments: [{ kind: 'image', url: 'https://media.example/a.jpg', alt: 'Une tasse' }] },
  { change: 'deleted', platform: 'mastodon', externalId: 'msg-2', deletedAt: T0 + 60_000 },
  { change: 'hidden', platform: 'mastodon', externalId: 'msg-3', isHidden: true },
  commentItem({
    n: 4, platform: 'mastodon', kind: 'mention', post: null, editedAt: T0 + 90_000,
    ref: { statusId: '110', visibility: 'direct', mentions: ['@brand@example.social'] },
    attachments: [{ kind: 'link', url: 'https://example.social/@ana/110', alt: 'Le fil' }],
  }),
];

describe('ingest fuzz: mutated updates and items from a real-shaped payload', () => {
  it('never throws; each payload is stored, applied, ignored or quarantined with a reason; search stays exact', () => {
    const seed = fuzzSeed('ingest updates');
    const db = openDatabase(':memory:');
    const accountId = addAccount(db, 'mastodon', 'https://example.social/users/brand');
    const ingest = createIngest(db, { clock: () => T0 });
    ingest({ accountId, source: 'test', items: [1, 2, 3, 4].map((n) => commentItem({ n, platform: 'mastodon', kind: 'mention', post: null })) });
    const totals = { applied: 0, rejected: 0 };
    const rejectedRows = () => db.prepare<[], number>('SELECT count(*) FROM rejected_items').pluck().get() ?? 0;
    for (let start = 0; start < MUTANTS; start += BATCH) {
      const mutants = Array.from({ length: BATCH }, (_, k) => mutatePayload(originals[(start + k) % originals.length], seed, start + k));
      const items = mutants.filter((_, k) => (start + k) % originals.length === 3);
      const updates = mutants.filter((_, k) => (start + k) % originals.length !== 3);
      const before = rejectedRows();
      const result = ingest({ accountId, source: 'fuzz', items, updates });
      expect(result.inserted + result.duplicates + result.rejected + result.updated + result.ignored, `batch at ${start}`).toBe(BATCH);
      expect(rejectedRows() - before).toBe(result.rejected);
      totals.applied += result.inserted + result.updated;
      totals.rejected += result.rejected;
    }
    // Not vacuous: some mutants stay valid and land, many are refused.
    expect(totals.applied).toBeGreaterThan(0);
    expect(totals.rejected).toBeGreaterThan(MUTANTS / 2);
    expect(db.prepare<[], number>("SELECT count(*) FROM rejected_items WHERE length(reason) < 5").pluck().get()).toBe(0);
    expect(() => db.exec("INSERT INTO message_search (message_search, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    db.close();
  });
});
