import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleActionType, RuleDefinitionInput } from '../../../shared/rules/ruleSchema';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { createTestCore, type TestCore } from '../testing/testCore';
import { disableBuiltInRules } from '../testing/ruleRows';

/**
 * Issue #12 §3: on the same data, the dry run and the live rule agree. The same random messages
 * arrive, one by one, in two workspaces: the rule is on in the first, absent from the second; the
 * dry run of the rule on the second must then name the conversations the live rule changed in
 * the first, with the same actions, as many matches as its hits, and change nothing itself.
 */

const WORDS = ['remboursement', 'Rembourser', 'refund', 'merci', 'hôpital', 'café', 'https://exemple.com/promo', 'promo', 'Bonjour', '😡', 'l’hôpital'];
const THREADS = 6;
/** Threads 0 to 2 are comments under a post, 3 to 5 direct messages. */
const isDm = (thread: number) => thread >= THREADS / 2;

type Message = { thread: number; author: number; text: string };
const message: fc.Arbitrary<Message> = fc.record({ thread: fc.nat(THREADS - 1), author: fc.nat(3), text: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')) });

// Conditions on the message only: what the rule's own actions change (tags, status) would make
// the second message of a conversation look different live, which is the live rule's business.
const leaf = fc.oneof(
  fc.record({ field: fc.constant('text'), op: fc.constantFrom('containsAny', 'containsAll'), values: fc.subarray(['rembours*', 'refund', 'hopital', 'merci', '😡', 'promo'], { minLength: 1 }), negate: fc.boolean() }),
  fc.record({ field: fc.constant('kind'), op: fc.constant('equals'), value: fc.constantFrom('dm', 'reply'), negate: fc.boolean() }),
  fc.record({ field: fc.constant('hasLink'), op: fc.constant('equals'), value: fc.boolean(), negate: fc.constant(false) }),
  fc.record({ field: fc.constant('wordCount'), op: fc.constant('greaterThan'), value: fc.nat(5), negate: fc.constant(false) }),
  fc.record({ field: fc.constant('authorName'), op: fc.constant('startsWith'), value: fc.constantFrom('Fan 1', 'fan 2'), negate: fc.boolean() }),
);
const group = fc.oneof(
  fc.record({ all: fc.array(fc.oneof(leaf, fc.record({ any: fc.array(leaf, { maxLength: 3 }) })), { maxLength: 3 }) }),
  fc.record({ any: fc.array(fc.oneof(leaf, fc.record({ all: fc.array(leaf, { maxLength: 3 }) })), { minLength: 1, maxLength: 3 }) }),
);
// Actions that change different things, so none of them decides differently after another ran.
const actions = fc
  .tuple(fc.subarray([{ type: 'addTag', tag: 'suivi' }, { type: 'setPriority', priority: 'high' }, { type: 'markUrgent' }] as const), fc.constantFrom([], [{ type: 'markSpam' }], [{ type: 'markDone' }] as const))
  .map(([some, status]) => [...some, ...status])
  .filter((list) => list.length > 0);

/** A workspace with one account, no built-in rule on: what happens is this rule's doing. */
function workspace(): { core: TestCore; accountId: string } {
  const core = createTestCore();
  disableBuiltInRules(core.context.db);
  return { core, accountId: addAccount(core.context.db) };
}

/** One message at a time, a minute apart, as they arrive live. */
function arrive({ core, accountId }: { core: TestCore; accountId: string }, messages: readonly Message[]): void {
  messages.forEach(({ thread, author, text }, index) => {
    core.now.value += 60_000;
    const dm = isDm(thread);
    const item = commentItem({ n: index, thread: `thread-${thread}`, text, createdAt: core.now.value - 1_000, author: { externalId: `author-${author}`, handle: `@fan${author}`, name: `Fan ${author}` } });
    core.context.ingest({ accountId, source: 'test', items: [dm ? { ...item, kind: 'dm', post: null } : item] });
  });
}

/** Each conversation's thread, so the two workspaces' conversations (different ids) can be compared. */
const threadOf = (core: TestCore) => new Map(core.context.db.prepare<[], { id: string; thread: string }>('SELECT id, thread_external_id AS thread FROM conversations').all().map((row) => [row.id, row.thread]));

const ACTION_OF_ACTIVITY: Record<string, (data: { status?: string }) => RuleActionType> = {
  'conversation.tags': () => 'addTag',
  'conversation.priority': () => 'setPriority',
  'conversation.urgent': () => 'markUrgent',
  'conversation.status': (data) => (data.status === 'spam' ? 'markSpam' : 'markDone'),
};

/** By thread, the sorted action types a rule took there: live from the history, planned from the dry run. */
const byThread = (pairs: [string, RuleActionType][]): Record<string, string> => {
  const sets = new Map<string, Set<string>>();
  for (const [thread, type] of pairs) sets.set(thread, (sets.get(thread) ?? new Set()).add(type));
  return Object.fromEntries([...sets].sort().map(([thread, types]) => [thread, [...types].sort().join(',')]));
};

describe('the dry run equals the live rule', () => {
  it('on the same random messages: the same conversations, the same actions, as many matches as hits (property)', async () => {
    // fast-check prints the seed and path of a failure: pass them to fc.assert to replay it.
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 25 }), group, actions, async (messages, when, ruleActions) => {
        const definition = { name: 'Au hasard', isEnabled: true, trigger: { type: 'messageArrived' }, when, actions: ruleActions } as RuleDefinitionInput;
        const live = workspace();
        const tried = workspace();
        try {
          const rule = await live.core.call('rules.create', { definition });
          arrive(live, messages);
          arrive(tried, messages);

          const changes = () => tried.core.context.db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n;
          const before = changes();
          const dryRun = await tried.core.call('rules.dryRun', { definition, days: 1, sampleSize: 200, allIds: true });
          expect(changes()).toBe(before);

          const liveThreads = threadOf(live.core);
          const history = live.core.context.db
            .prepare<[string], { subject_id: string; action: string; data: string }>('SELECT subject_id, action, data FROM activity WHERE actor = ?')
            .all(`rule:${rule.id}`)
            .map(({ subject_id, action, data }): [string, RuleActionType] => [liveThreads.get(subject_id) ?? '?', (ACTION_OF_ACTIVITY[action] ?? (() => action as RuleActionType))(JSON.parse(data))]);
          const triedThreads = threadOf(tried.core);
          const planned = dryRun.sample.flatMap((match) => match.actions.filter((planned) => planned.outcome === 'apply').map((planned): [string, RuleActionType] => [triedThreads.get(match.conversationId) ?? '?', planned.action.type]));

          expect(dryRun.matchedMessages).toBe((await live.core.call('rules.get', { id: rule.id })).hitCount);
          expect(byThread(planned)).toEqual(byThread(history));
          expect(new Set(dryRun.matchedConversationIds?.map((id) => triedThreads.get(id)))).toEqual(new Set(history.map(([thread]) => thread)));

          // The effects themselves, as the inbox shows them.
          const effects = (sql: string) => new Set(live.core.context.db.prepare<[], { thread: string }>(`SELECT thread_external_id AS thread FROM conversations c WHERE ${sql}`).all().map((row) => row.thread));
          const plannedFor = (type: RuleActionType) => new Set(planned.filter(([, plannedType]) => plannedType === type).map(([thread]) => thread));
          expect(effects("EXISTS (SELECT 1 FROM conversation_tags ct JOIN tags t ON t.seq = ct.tag_seq WHERE ct.conversation_seq = c.seq AND t.name = 'suivi')")).toEqual(plannedFor('addTag'));
          expect(effects('priority = 1')).toEqual(plannedFor('setPriority'));
          expect(effects('urgent_at IS NOT NULL')).toEqual(plannedFor('markUrgent'));
        } finally {
          live.core.close();
          tried.core.close();
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
