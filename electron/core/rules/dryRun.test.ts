import { ConnectorRegistry } from '../connectors/connectorRegistry';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileConditions } from '../../../shared/rules/compileConditions';
import { ruleDefinitionSchema, type RuleDefinitionInput } from '../../../shared/rules/ruleSchema';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { dryRun } from './dryRun';
import { candidateQuery } from './dryRunQuery';
import { createFactReader, FACT_COLUMNS, FACT_JOINS, type FactRow } from './ruleFacts';

const env = useCoreWithAccount();
const DAY = 86_400_000;

const refund: RuleDefinitionInput = {
  name: 'Remboursements',
  trigger: { type: 'messageArrived' },
  when: { all: [{ field: 'text', op: 'containsAny', values: ['rembours*', 'refund'] }] },
  actions: [{ type: 'addTag', tag: 'facturation' }, { type: 'setPriority', priority: 'high' }],
};

/** Stores one message per text, `daysAgo` before now, each in its own conversation unless `thread` says. */
function ingestAt(daysAgo: number, items: { n: number; text: string; thread?: string; direction?: 'in' | 'out' }[]): void {
  const { core } = env;
  const now = core.now.value;
  core.now.value = now - daysAgo * DAY;
  env.ingest(items.map(({ n, text, thread, direction }) => commentItem({ n, text, createdAt: core.now.value - 1_000, ...(thread ? { thread } : {}), ...(direction ? { direction } : {}) })));
  core.now.value = now;
}

/**
 * Some of everything the columns hold: VIP, verified (or unknown), blocked, followers (or
 * unknown), hostility, urgent and done conversations.
 */
function varyColumns(): void {
  const { db } = env.core.context;
  db.exec(`UPDATE contacts SET is_vip = seq % 2, is_verified = CASE seq % 3 WHEN 0 THEN NULL ELSE seq % 3 - 1 END,
    blocked_at = CASE WHEN seq % 4 = 0 THEN 1 END, follower_count = CASE seq % 3 WHEN 0 THEN NULL WHEN 1 THEN 10 ELSE 500 END`);
  db.exec('UPDATE messages SET hostility = (seq % 3) * 0.5');
  db.exec("UPDATE conversations SET urgent_at = CASE WHEN seq % 2 = 0 THEN 1 END, status = CASE WHEN seq % 3 = 0 THEN 'done' ELSE 'open' END");
}

/** The dry run matches the very messages the compiled conditions match, read one by one with no narrowing. */
function expectSameAsPredicate(when: unknown): void {
  const { db } = env.core.context;
  const definition = ruleDefinitionSchema.parse({ ...refund, when });
  const result = dryRun(db, definition, { days: 30, sampleSize: 0, allIds: true }, env.core.now.value, () => 0, new ConnectorRegistry());
  const reader = createFactReader(db, () => 0);
  const predicate = compileConditions(definition.when);
  const rows = db.prepare<[], FactRow>(`SELECT ${FACT_COLUMNS} FROM messages m ${FACT_JOINS} WHERE m.direction = 'in'`).all();
  const expected = rows.filter((row) => predicate(reader.factsOf(row, row.received_at)));
  expect(result.matchedMessages, JSON.stringify(when)).toBe(expected.length);
  expect(new Set(result.matchedConversationIds)).toEqual(new Set(expected.map((row) => row.conversation_id)));
}

const changes = () => env.core.context.db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n;

describe('the dry run', () => {
  it('tries a rule on the period’s messages from people, changing nothing', async () => {
    const { core } = env;
    ingestAt(40, [{ n: 1, text: 'Remboursez-moi, il y a 40 jours' }]);
    ingestAt(3, [
      { n: 2, text: 'Je veux un remboursement' },
      { n: 3, text: 'Le café est bon' },
      { n: 4, text: 'Encore: remboursez!', thread: 'thread-2' },
    ]);
    ingestAt(1, [
      { n: 5, text: 'REFUND please' },
      { n: 6, text: 'refund done', direction: 'out' },
      { n: 7, text: 'refunded?' },
    ]);
    const before = changes();
    const result = await core.call('rules.dryRun', { definition: refund, sampleSize: 2, allIds: true });
    expect(changes()).toBe(before);
    expect(result).toMatchObject({ days: 30, scanned: 3, matchedMessages: 3, matchedConversations: 2, actionCounts: { addTag: 2, setPriority: 2 } });
    expect(result.unsupported).toBeUndefined();
    expect(result.sample.map((match) => match.snippet)).toEqual(['REFUND please', 'Encore: remboursez!']);
    expect(result.sample[0]).toMatchObject({ author: 'Fan 5', at: core.now.value - DAY, actions: [{ action: { type: 'addTag', tag: 'facturation' }, outcome: 'apply' }, { action: { type: 'setPriority', priority: 'high' }, outcome: 'apply' }] });
    expect(result.matchedConversationIds).toHaveLength(2);

    const wider = await core.call('rules.dryRun', { definition: refund, days: 60 });
    expect(wider).toMatchObject({ days: 60, matchedMessages: 4, matchedConversations: 3 });
    expect(wider.matchedConversationIds).toBeUndefined();
    expect(wider.sample).toHaveLength(4);
  });

  it('keeps the most recent matches as its sample, however many there are', async () => {
    ingestAt(2, Array.from({ length: 150 }, (_, n) => ({ n, text: `refund ${n}`, thread: `t-${n % 10}` })));
    const result = await env.core.call('rules.dryRun', { definition: refund, sampleSize: 3 });
    expect(result).toMatchObject({ matchedMessages: 150, matchedConversations: 10, actionCounts: { addTag: 10, setPriority: 10 } });
    expect(result.sample.map((match) => match.snippet)).toEqual(['refund 149', 'refund 148', 'refund 147']);
  });

  it('scans every message of the period when no condition narrows it', async () => {
    ingestAt(2, [1, 2, 3].map((n) => ({ n, text: `Bonjour ${n}` })));
    const result = await env.core.call('rules.dryRun', { definition: { ...refund, when: { all: [{ field: 'text', op: 'containsAny', values: ['bonjour'], negate: true }] } } });
    expect(result).toMatchObject({ scanned: 3, matchedMessages: 0, sample: [] });
    const platform = await env.core.call('rules.dryRun', { definition: { ...refund, when: { all: [{ field: 'platform', op: 'equals', value: 'instagram' }] } } });
    expect(platform).toMatchObject({ scanned: 0, matchedMessages: 0 });
  });

  it('finds the candidates of a rule on words through the full-text index, in order, without reading every message', () => {
    const { db } = env.core.context;
    const { sql, params } = candidateQuery({ all: [{ field: 'text', op: 'containsAny', values: ['rembours*', 'refund'], negate: false }, { field: 'platform', op: 'equals', value: 'facebook', negate: false }] }, 0, 1);
    const plan = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((row) => row.detail);
    expect(plan).toContain('SEARCH m USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan.some((step) => step.startsWith('SCAN message_search VIRTUAL TABLE INDEX'))).toBe(true);
    expect(plan.filter((step) => /^SCAN m\b/u.test(step) || step.includes('TEMP B-TREE'))).toEqual([]);
  });

  it('says a shift trigger cannot be tried on history, and tries time and change triggers', async () => {
    ingestAt(2, [{ n: 1, text: 'refund' }]);
    const shift = await env.core.call('rules.dryRun', { definition: { ...refund, trigger: { type: 'shiftEnds', personId: null, scope: 'unassigned' } }, allIds: true });
    expect(shift).toMatchObject({ scanned: 0, matchedConversations: 0, unsupported: 'shift', matchedConversationIds: [] });
    const timed = await env.core.call('rules.dryRun', { definition: { ...refund, trigger: { type: 'noReply', workingMinutes: 30 } } });
    expect(timed.unsupported).toBeUndefined();
    expect(timed.scanned).toBeGreaterThan(0);
  });

  it('narrows by each column exactly as the compiled conditions decide', () => {
    ingestAt(1, Array.from({ length: 24 }, (_, n) => ({ n, text: `Bonjour ${n}`, thread: `t-${n % 8}` })));
    varyColumns();
    const conditions = [
      ...['authorVip', 'authorVerified', 'authorBlocked', 'urgent'].flatMap((field) => [true, false].map((value) => ({ field, op: 'equals', value }))),
      ...['authorFollowers', 'hostility'].flatMap((field) => ['equals', 'greaterThan', 'lessThan'].flatMap((op) => [0, 0.5, 10, 500].map((value) => ({ field, op, value })))),
      ...['open', 'done'].map((value) => ({ field: 'status', op: 'equals', value })),
      { field: 'status', op: 'inList', values: ['spam', 'done'] },
      ...['comment', 'reply', 'dm', 'mention'].map((value) => ({ field: 'kind', op: 'equals', value })),
      { field: 'platform', op: 'inList', values: ['facebook', 'x'] },
      { field: 'account', op: 'equals', value: env.accountId.toUpperCase() },
    ];
    for (const condition of conditions) {
      expectSameAsPredicate({ all: [condition] });
      expectSameAsPredicate({ all: [{ ...condition, negate: true }] });
    }
  });

  it('matches exactly what the compiled conditions match on every message, whatever narrows the scan (property)', () => {
    const vocabulary = ['rembourser', 'remboursement', 'Remboursé', 'refund', 'refunds', 'hôpital', 'hopital', 'mise', 'en', 'demeure', 'café', 'aujourd’hui', "aujourd'hui", 'e-mail', '🔥', 'œuvre', 'REFUND', 'x²', 'Ça'];
    const texts = fc.array(fc.array(fc.constantFrom(...vocabulary, ' ', ', ', '!', '-'), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 12 });
    const words = fc.array(fc.constantFrom('rembours*', 'refund', 'hopital', 'mise en demeure', 'aujourd’hui', 'e-mail', '🔥', 'oeuvre', 'ca', 'caf*'), { minLength: 1, maxLength: 3 });
    const leaf = fc.oneof(
      words.map((values) => ({ field: 'text', op: 'containsAny', values, negate: false })),
      words.map((values) => ({ field: 'text', op: 'containsAll', values, negate: false })),
      fc.boolean().map((negate) => ({ field: 'text', op: 'containsAny', values: ['café'], negate })),
      fc.constantFrom('facebook', 'instagram').map((value) => ({ field: 'platform', op: 'equals', value, negate: false })),
      fc.constantFrom('comment', 'reply', 'dm').map((value) => ({ field: 'kind', op: 'inList', values: [value], negate: false })),
      fc.constantFrom('open', 'done').map((value) => ({ field: 'status', op: 'equals', value, negate: false })),
      fc.record({ field: fc.constantFrom('authorVip', 'authorVerified', 'urgent', 'authorBlocked'), op: fc.constant('equals'), value: fc.boolean(), negate: fc.boolean() }),
      fc.record({ field: fc.constantFrom('authorFollowers', 'hostility'), op: fc.constantFrom('equals', 'greaterThan', 'lessThan'), value: fc.constantFrom(0, 0.5, 10, 100), negate: fc.boolean() }),
    );
    // Groups nest at most four deep, as the schema allows.
    const groupOf = (depth: number): fc.Arbitrary<unknown> => {
      const node = depth <= 1 ? leaf : fc.oneof(leaf, leaf, groupOf(depth - 1));
      return fc.oneof(fc.record({ all: fc.array(node, { maxLength: 3 }) }), fc.record({ any: fc.array(node, { maxLength: 3 }) }));
    };
    const group = groupOf(4);
    let n = 0;
    // fast-check prints the seed and path of a failure: pass them to fc.assert to replay it.
    fc.assert(
      fc.property(texts, group, (batch, when) => {
        ingestAt(1, batch.map((text) => ({ n: ++n, text, thread: `t-${n % 5}` })));
        varyColumns();
        expectSameAsPredicate(when);
      }),
      { numRuns: 150 },
    );
  });
});
