import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileConditions } from '../../../shared/rules/compileConditions';
import { ruleDefinitionSchema, type RuleDefinitionInput } from '../../../shared/rules/ruleSchema';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { actionsAsWritten, dryRun } from './dryRun';
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

  it('scans every message of the period when no condition narrows it', async () => {
    ingestAt(2, [1, 2, 3].map((n) => ({ n, text: `Bonjour ${n}` })));
    const result = await env.core.call('rules.dryRun', { definition: { ...refund, when: { all: [{ field: 'text', op: 'containsAny', values: ['bonjour'], negate: true }] } } });
    expect(result).toMatchObject({ scanned: 3, matchedMessages: 0, sample: [] });
    const platform = await env.core.call('rules.dryRun', { definition: { ...refund, when: { all: [{ field: 'platform', op: 'equals', value: 'instagram' }] } } });
    expect(platform).toMatchObject({ scanned: 0, matchedMessages: 0 });
  });

  it('says which triggers history cannot replay', async () => {
    ingestAt(2, [{ n: 1, text: 'refund' }]);
    const timed = await env.core.call('rules.dryRun', { definition: { ...refund, trigger: { type: 'noReply', workingMinutes: 30 } }, allIds: true });
    expect(timed).toMatchObject({ scanned: 0, matchedConversations: 0, unsupported: 'timeTrigger', matchedConversationIds: [] });
    const changed = await env.core.call('rules.dryRun', { definition: { ...refund, trigger: { type: 'conversationChanged', changes: ['tags'] } } });
    expect(changed.unsupported).toBe('conversationChanged');
    const shift = await env.core.call('rules.dryRun', { definition: { ...refund, trigger: { type: 'shiftEnds', personId: null, scope: 'unassigned' } } });
    expect(shift.unsupported).toBe('shift');
  });

  it('matches exactly what the compiled conditions match on every message, whatever narrows the scan (property)', () => {
    const { db } = env.core.context;
    const vocabulary = ['rembourser', 'remboursement', 'Remboursé', 'refund', 'refunds', 'hôpital', 'hopital', 'mise', 'en', 'demeure', 'café', 'aujourd’hui', "aujourd'hui", 'e-mail', '🔥', 'œuvre', 'REFUND', 'x²', 'Ça'];
    const texts = fc.array(fc.array(fc.constantFrom(...vocabulary, ' ', ', ', '!', '-'), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 12 });
    const words = fc.array(fc.constantFrom('rembours*', 'refund', 'hopital', 'mise en demeure', 'aujourd’hui', 'e-mail', '🔥', 'oeuvre', 'ca', 'caf*'), { minLength: 1, maxLength: 3 });
    const leaf = fc.oneof(
      words.map((values) => ({ field: 'text', op: 'containsAny', values, negate: false })),
      words.map((values) => ({ field: 'text', op: 'containsAll', values, negate: false })),
      fc.boolean().map((negate) => ({ field: 'text', op: 'containsAny', values: ['café'], negate })),
      fc.constantFrom('facebook', 'instagram').map((value) => ({ field: 'platform', op: 'equals', value, negate: false })),
      fc.constantFrom('comment', 'reply', 'dm').map((value) => ({ field: 'kind', op: 'inList', values: [value], negate: false })),
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
        const definition = ruleDefinitionSchema.parse({ ...refund, when });
        const result = dryRun(db, definition, { days: 30, sampleSize: 0, allIds: true }, env.core.now.value, { scoreSpam: () => 0, planActions: actionsAsWritten });
        const reader = createFactReader(db, () => 0);
        const predicate = compileConditions(definition.when);
        const rows = db.prepare<[], FactRow>(`SELECT ${FACT_COLUMNS} FROM messages m ${FACT_JOINS} WHERE m.direction = 'in'`).all();
        const expected = rows.filter((row) => predicate(reader.factsOf(row, row.received_at)));
        expect(result.matchedMessages).toBe(expected.length);
        expect(new Set(result.matchedConversationIds)).toEqual(new Set(expected.map((row) => row.conversation_id)));
      }),
      { numRuns: 150 },
    );
  });
});
