import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySeed } from '../testing/propertySeed';
import { compileConditions, type RuleFacts } from './compileConditions';
import { guardOf, rulesForMessage } from './ruleGuards';
import type { ConditionGroup } from './ruleSchema';

// Values that repeat, with case and accents the conditions fold, and a missing language.
const PLATFORMS = ['instagram', 'facebook', 'Instagram', 'x'] as const;
const KINDS = ['comment', 'reply', 'dm'] as const;
const ACCOUNTS = ['acc-1', 'acc-2', 'acc\u00012'] as const;
const LANGUAGES = ['fr', 'en', 'FR', null] as const;
const FIELD_VALUES = { platform: PLATFORMS, kind: KINDS, account: ACCOUNTS, language: LANGUAGES.filter((value) => value !== null) } as const;

const guardField = fc.constantFrom('platform', 'kind', 'account', 'language' as const);
const guardLeaf = guardField.chain((field) =>
  fc.oneof(
    fc.record({ field: fc.constant(field), op: fc.constant('equals' as const), value: fc.constantFrom(...FIELD_VALUES[field]), negate: fc.boolean() }),
    fc.record({ field: fc.constant(field), op: fc.constant('inList' as const), values: fc.subarray([...FIELD_VALUES[field]], { minLength: 1 }), negate: fc.boolean() }),
    fc.record({ field: fc.constant(field), op: fc.constant('isSet' as const), negate: fc.boolean() }),
  ),
);
// Plain words, a prefix, phrases (one a prefix) and words with other characters: each list has a
// word gate (a phrase's through one of its whole words), but for one with an emoji.
const WORDS = ['merci', 'refund', 'café', 'rembours*', 'in stock', 'Thanks', 'mise en dem*', 'e-mail', 'plus d’abonnés', '😡'] as const;
// Starts: plain letters (a gate), with an accent and case to fold, a space or a mark (none), empty (every text starts so).
const STARTS = ['rembours', 'Café', 'merci ', 'in stock', '¡hola', '', 'thanks'] as const;
const stringField = fc.constantFrom('text' as const, 'authorName' as const, 'authorHandle' as const);
const otherLeaf = fc.oneof(
  fc.record({ field: stringField, op: fc.constantFrom('containsAny' as const, 'containsAll' as const), values: fc.subarray([...WORDS], { minLength: 1 }), negate: fc.boolean() }),
  fc.record({ field: stringField, op: fc.constant('startsWith' as const), value: fc.constantFrom(...STARTS), negate: fc.boolean() }),
);
const leaf = fc.oneof(guardLeaf, guardLeaf, otherLeaf, otherLeaf);
const groupAt = (depth: number): fc.Arbitrary<ConditionGroup> =>
  fc
    .record({ isAll: fc.boolean(), nodes: fc.array(depth >= 2 ? leaf : fc.oneof(leaf, leaf, groupAt(depth + 1)), { maxLength: 4 }) })
    .map(({ isAll, nodes }) => (isAll ? { all: nodes } : { any: nodes }));

const message = fc.record({
  platform: fc.constantFrom(...PLATFORMS),
  kind: fc.constantFrom(...KINDS),
  account: fc.constantFrom(...ACCOUNTS),
  language: fc.constantFrom(...LANGUAGES),
  text: fc.constantFrom('Merci beaucoup', 'refund please', 'rien', 'Café!', 'Remboursement SVP, merci', 'in stock?', 'stock', 'thanks, refund', '', '  café noir', '¡Hola!', 'remboursé', 'Mise en demeure', 'en demande', 'mon E-mail', 'email', "Plus d'abonnés", 'abonnés 😡'),
  authorName: fc.constantFrom('Café Merci', 'Ana Refund', 'Thanks Inc', 'Zoé'),
  authorHandle: fc.constantFrom('@merci', 'rembourseur', 'in_stock'),
});
/** The seven fields these conditions read; no other is asked. */
const factsOf = (fields: { platform: string; kind: string; account: string; language: string | null; text: string; authorName?: string; authorHandle?: string }) =>
  ({ authorName: 'Ana', authorHandle: '@ana', ...fields }) as unknown as RuleFacts;

describe('rules grouped by their guards', () => {
  it('match exactly the messages the rules alone match, for any rules and messages', () => {
    const seed = propertySeed('rule guards property');
    fc.assert(
      fc.property(fc.array(groupAt(0), { maxLength: 8 }), fc.array(message, { minLength: 1, maxLength: 12 }), (groups, messages) => {
        const rules = groups.map((when, index) => ({ index, when, predicate: compileConditions(when) }));
        const forMessage = rulesForMessage(rules, (rule) => guardOf(rule.when));
        for (const fields of messages) {
          const facts = factsOf(fields);
          const matched = (candidates: readonly (typeof rules)[number][]) => candidates.filter((rule) => rule.predicate(facts)).map((rule) => rule.index);
          expect(matched(forMessage(facts))).toEqual(matched(rules));
        }
      }),
      { seed, numRuns: 400 },
    );
  });

  it('leave out a rule whose top-level words the text lacks, a phrase’s longest word included, and keep one whose list holds an emoji (its pattern decides)', () => {
    const refunds = { all: [{ field: 'text', op: 'containsAny', values: ['rembours*', 'refund'], negate: false }] } satisfies ConditionGroup;
    const allOf = { all: [{ field: 'text', op: 'containsAll', values: ['merci', 'refund'], negate: false }] } satisfies ConditionGroup;
    const phrase = { all: [{ field: 'text', op: 'containsAny', values: ['in stock'], negate: false }] } satisfies ConditionGroup;
    const lacking = { all: [{ field: 'text', op: 'containsAny', values: ['merci'], negate: true }] } satisfies ConditionGroup;
    const emoji = { all: [{ field: 'text', op: 'containsAny', values: ['merci', '😡'], negate: false }] } satisfies ConditionGroup;
    const rules = [refunds, allOf, phrase, lacking, emoji];
    const forMessage = rulesForMessage(rules, guardOf);
    const on = (text: string) => forMessage(factsOf({ platform: 'x', kind: 'dm', account: 'a', language: null, text }));
    expect(on('Un remboursement?')).toEqual([refunds, lacking, emoji]);
    expect(on('Merci!')).toEqual([allOf, lacking, emoji]);
    expect(on('rien')).toEqual([lacking, emoji]);
    // "stock" opens the phrase's rule; its pattern then decides.
    expect(on('Plus de stock')).toEqual([phrase, lacking, emoji]);
    expect(on('In stock?')).toEqual([phrase, lacking, emoji]);
  });

  it('leave out a rule whose top-level guard fails, and keep one whose guard sits under any or in a nested group', () => {
    const onInstagram = { all: [{ field: 'platform', op: 'equals', value: 'Instagram', negate: false }] } satisfies ConditionGroup;
    const eitherWay = { any: [{ field: 'platform', op: 'equals', value: 'instagram', negate: false }] } satisfies ConditionGroup;
    const nested = { all: [{ any: [{ field: 'language', op: 'inList', values: ['fr'], negate: false }] }] } satisfies ConditionGroup;
    const rules = [onInstagram, eitherWay, nested];
    const forMessage = rulesForMessage(rules, guardOf);
    expect(forMessage(factsOf({ platform: 'facebook', kind: 'dm', account: 'a', language: 'en', text: '' }))).toEqual([eitherWay, nested]);
    expect(forMessage(factsOf({ platform: 'instagram', kind: 'dm', account: 'a', language: null, text: '' }))).toEqual(rules);
  });
});
