import { afterAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../testing/itemBuilder';
import { fuzzSeed, mutatePayload } from '../../testing/mutatePayload';
import { createTestCore } from '../../testing/testCore';
import { commentBody, messageBody } from './contract/graphAnswers';
import { seedContent } from './contract/graphContractState';
import { normaliseComment, normaliseMessage } from './facebookNormalise';

// Graph comments and Messenger messages, as the contract server answers them, mutated a thousand
// ways through the normalisers and the real ingest: nothing throws, and whatever cannot be a
// message is set aside with a reason. FUZZ_SEED=n replays a run.

const SEED = fuzzSeed('Facebook normaliser');
const RUNS = 1_200;
const page = { id: '104857600123', name: 'Brûlerie du Quartier' };
const content = seedContent(60, { pageId: page.id, pageName: page.name, now: Date.UTC(2026, 11, 4), spanMs: 86_400_000, seed: 3 });
const post = { id: content.posts[0]!.id, message: 'Nouvelle saison', created_time: '2026-12-03T10:00:00+0000' };
const comments = content.comments.map(commentBody);
const messages = content.conversations.flatMap((conversation) => conversation.messages.map((message) => ({ conversation: conversation.id, payload: messageBody(message) })));

const core = createTestCore();
afterAll(() => core.close());

describe('Facebook normalisers and ingest under mutated payloads', () => {
  it(`never throw and set aside each payload they cannot take, with why (FUZZ_SEED=${SEED})`, () => {
    const accountId = addAccount(core.context.db, 'facebook', page.id);
    const outcomes = { item: 0, rejected: 0 };
    const items: unknown[] = [];
    for (let index = 0; index < RUNS; index++) {
      const isComment = index % 3 !== 0;
      const original = isComment ? comments[index % comments.length] : messages[index % messages.length]!.payload;
      const payload = mutatePayload(original, SEED, index);
      const normalised = isComment ? normaliseComment(payload, post, page) : normaliseMessage(payload, messages[index % messages.length]!.conversation, page);
      outcomes[normalised.outcome] += 1;
      if (normalised.outcome === 'rejected') expect(normalised.reason, `run ${index}`).toMatch(/\S/u);
      else items.push(normalised.item);
    }
    let landed = 0;
    let quarantined = 0;
    for (let start = 0; start < items.length; start += 100) {
      const result = core.context.ingest({ accountId, source: 'fuzz:facebook', items: items.slice(start, start + 100) });
      expect(result.inserted + result.duplicates + result.rejected).toBe(Math.min(100, items.length - start));
      landed += result.inserted + result.duplicates;
      quarantined += result.rejected;
    }
    const rows = core.context.db.prepare('SELECT reason FROM rejected_items WHERE account_id = ?').all(accountId) as { reason: string }[];
    expect(rows).toHaveLength(quarantined);
    expect(outcomes.rejected).toBeGreaterThan(RUNS / 10);
    expect(landed).toBeGreaterThan(RUNS / 10);
    console.log(`Facebook fuzz: ${JSON.stringify(outcomes)}, ${landed} landed, ${quarantined} quarantined by ingest`);
  });
});
