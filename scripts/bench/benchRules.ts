import type { RuleDefinitionInput } from '../../shared/rules/ruleSchema';

/** What a brand's team sorts by: a tag, and the fr/en words that say it (prefixes where words vary). */
const TOPICS: readonly (readonly [string, readonly string[]])[] = [
  ['billing', ['rembours*', 'refund*', 'facture', 'invoice']],
  ['delivery', ['livr*', 'deliver*', 'shipping', 'colis']],
  ['stock', ['disponible', 'in stock', 'rupture', 'available']],
  ['store', ['succursale', 'dépanneur', 'shop', 'store']],
  ['praise', ['merci', 'thanks', 'bravo', 'délicieux']],
  ['complaint', ['déçu', 'disappointed', 'froid', 'cold']],
  ['hours', ['heures', 'hours', 'ouvert', 'open']],
  ['price', ['prix', 'price', 'cher', 'expensive']],
  ['allergy', ['allergie*', 'gluten', 'lactose', 'vegan']],
  ['jobs', ['emploi', 'job', 'hiring', 'embauche*']],
];
const REGEXES = ['commande\\s*#?\\d{4,}', '\\b\\d{3}[ -]?\\d{3}[ -]?\\d{4}\\b'];
const plain = (word: string) => word.replace('*', '');

/**
 * Fifty realistic rules for `ingest_ratio_rules`: five per topic, over mixed fields and
 * operators (words, prefixes, phrases, start, lists, numbers, booleans, tags, nested groups,
 * negation, two regular expressions), tagging, setting priority and writing notes.
 */
export function benchRules(): RuleDefinitionInput[] {
  return TOPICS.flatMap(([tag, words], index): RuleDefinitionInput[] => [
    { name: `${tag}: tag`, trigger: { type: 'messageArrived' }, when: { all: [{ field: 'text', op: 'containsAny', values: [...words] }] }, actions: [{ type: 'addTag', tag }] },
    {
      name: `${tag}: French, priority`,
      trigger: { type: 'messageArrived' },
      when: { all: [{ field: 'text', op: 'containsAny', values: [...words] }, { field: 'language', op: 'inList', values: ['fr'] }] },
      actions: [{ type: 'setPriority', priority: 'high' }],
    },
    {
      name: `${tag}: opens with it`,
      trigger: { type: 'messageArrived' },
      when: { all: [{ any: [{ field: 'text', op: 'startsWith', value: plain(words[0] ?? tag) }, { field: 'authorName', op: 'containsAny', values: [plain(words[1] ?? tag)] }] }, { field: 'hasLink', op: 'equals', value: true, negate: true }] },
      actions: [{ type: 'addTag', tag: `${tag}-first` }],
    },
    index < REGEXES.length
      ? { name: `${tag}: pattern`, trigger: { type: 'messageArrived' }, when: { all: [{ field: 'text', op: 'matches', value: REGEXES[index] ?? '' }] }, actions: [{ type: 'addNote', text: `Voir ${tag}` }] }
      : {
          name: `${tag}: big account`,
          trigger: { type: 'messageArrived' },
          when: { all: [{ field: 'kind', op: 'inList', values: ['comment', 'reply'] }, { field: 'authorFollowers', op: 'greaterThan', value: 1_000 }, { field: 'text', op: 'containsAll', values: words.slice(0, 2).map(String) }] },
          actions: [{ type: 'addNote', text: `Compte important: ${tag}` }],
        },
    {
      name: `${tag}: short or heated on Instagram`,
      trigger: { type: 'messageArrived' },
      when: {
        all: [
          { field: 'platform', op: 'equals', value: 'instagram' },
          { any: [{ field: 'hostility', op: 'greaterThan', value: 0.5 }, { field: 'wordCount', op: 'lessThan', value: 3 }, { field: 'onlyEmoji', op: 'equals', value: true }] },
          { field: 'tags', op: 'containsAny', values: [tag] },
        ],
      },
      actions: [{ type: 'setPriority', priority: 'low' }, { type: 'addTag', tag: `${tag}-review` }],
    },
  ]);
}
