import { afterAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../../shared/domain/platform';
import { addAccount } from './itemBuilder';
import { fuzzSeed, mutatePayload } from './mutatePayload';
import { createTestCore } from './testCore';

/** What a connector's normaliser made of one payload, in the shape every normaliser answers. */
export type FuzzOutcome = { outcome: 'item'; item: unknown } | { outcome: 'rejected'; reason: string } | { outcome: 'skipped' };

export interface ConnectorFuzz {
  /** The platform's name as people read it (`Facebook`), in the test's title and log. */
  name: string;
  platform: Platform;
  /** The brand account's id on the platform, so ingest has an account to store under. */
  externalId: string;
  /**
   * Normalises run `index`: picks a recorded payload, passes it through `mutate` (the seeded
   * mutation of this run) and answers what the normaliser made of it, one outcome per message.
   */
  normalise: (index: number, mutate: (original: unknown) => unknown) => readonly FuzzOutcome[];
}

const RUNS = 1_200;
const BATCH = 100;

/**
 * A connector's fuzz test: its recorded payloads mutated a thousand ways through its normaliser
 * and the real ingest. Nothing throws, whatever cannot be a message is set aside with a reason
 * (by the normaliser or by ingest), and the mutations neither all bite nor all miss.
 * `FUZZ_SEED=n` replays a run; the seed is printed and in the test's title.
 */
export function describeConnectorFuzz(fuzz: ConnectorFuzz): void {
  const seed = fuzzSeed(`${fuzz.name} normaliser`);
  const core = createTestCore();
  afterAll(() => core.close());

  describe(`${fuzz.name} normaliser and ingest under mutated payloads`, () => {
    it(`never throws and sets aside each payload it cannot take, with why (FUZZ_SEED=${seed})`, () => {
      const accountId = addAccount(core.context.db, fuzz.platform, fuzz.externalId);
      const outcomes = { item: 0, skipped: 0, rejected: 0 };
      const items: unknown[] = [];
      for (let index = 0; index < RUNS; index++) {
        for (const normalised of fuzz.normalise(index, (original) => mutatePayload(original, seed, index))) {
          outcomes[normalised.outcome] += 1;
          if (normalised.outcome === 'rejected') expect(normalised.reason, `run ${index}`).toMatch(/\S/u);
          if (normalised.outcome === 'item') items.push(normalised.item);
        }
      }
      let landed = 0;
      let quarantined = 0;
      for (let start = 0; start < items.length; start += BATCH) {
        const result = core.context.ingest({ accountId, source: `fuzz:${fuzz.platform}`, items: items.slice(start, start + BATCH) });
        expect(result.inserted + result.duplicates + result.rejected).toBe(Math.min(BATCH, items.length - start));
        landed += result.inserted + result.duplicates;
        quarantined += result.rejected;
      }
      const rows = core.context.db.prepare('SELECT reason FROM rejected_items WHERE account_id = ?').all(accountId) as { reason: string }[];
      expect(rows).toHaveLength(quarantined);
      expect(rows.every((row) => /\S/u.test(row.reason))).toBe(true);
      // The mutations must actually bite, and intact payloads must still land.
      expect(outcomes.rejected).toBeGreaterThan(RUNS / 10);
      expect(landed).toBeGreaterThan(RUNS / 10);
      console.log(`${fuzz.name} fuzz (FUZZ_SEED=${seed}): ${JSON.stringify(outcomes)}, ${landed} landed, ${quarantined} quarantined by ingest`);
    });
  });
}
