import { describe, expect, it } from 'vitest';
import { compileConditions, type RuleFacts } from './compileConditions';
import { conditionGroupSchema, type ConditionGroup } from './ruleSchema';

const FACTS: RuleFacts = {
  platform: 'facebook',
  account: 'acct-1',
  kind: 'comment',
  text: 'Bonjour, je veux être REMBOURSÉ pour ma commande',
  authorHandle: '@marie.tremblay',
  authorName: 'Marie-Ève Tremblay',
  authorFollowers: 120,
  authorVerified: false,
  authorVip: true,
  authorBlocked: false,
  language: 'fr',
  hostility: 0.2,
  spamScore: 0,
  hasLink: false,
  hasEmail: false,
  hasPhone: false,
  onlyEmoji: false,
  wordCount: 9,
  inBusinessHours: true,
  status: 'open',
  assignee: null,
  tags: ['Facturation', 'VIP'],
  ageMinutes: 30,
  messageCount: 2,
  urgent: false,
};

/** Whether the conditions (validated as the API and imports validate them) hold for these facts. */
const holds = (when: unknown, facts: Partial<RuleFacts> = {}): boolean => compileConditions(conditionGroupSchema.parse(when))({ ...FACTS, ...facts });
const one = (condition: Record<string, unknown>, facts: Partial<RuleFacts> = {}) => holds({ all: [condition] }, facts);
const text = (op: string, valueOrValues: string | string[], value: string | null) =>
  one({ field: 'text', op, ...(Array.isArray(valueOrValues) ? { values: valueOrValues } : { value: valueOrValues }) }, { text: value });

describe('text conditions', () => {
  it('answer for each text in turn, texts and names alternating, long and short, as every rule asks them of one message after another', () => {
    // The folded text and its words are kept per text, the last one checked first: a kept answer must never leak to another text.
    const rule = compileConditions(
      conditionGroupSchema.parse({
        all: [
          { field: 'text', op: 'containsAny', values: ['rembours*', 'délai de livraison', '😡'] },
          { field: 'authorName', op: 'containsAny', values: ['tremblay'] },
          { field: 'text', op: 'startsWith', value: 'allo' },
        ],
      }),
    );
    const long = 'Allo, un remboursement svp, et encore un autre mot, puis un autre, et un dernier pour la route';
    const runs: [string, string, boolean][] = [
      [long, 'Marie-Ève Tremblay', true],
      ['Allo Service😡', 'Marie-Ève Tremblay', true],
      ['Allo Service😡', 'Jean Côté', false],
      [long, 'Jean Côté', false],
      ['ALLÔ, quel DÉLAI de livraison!', 'Luc TREMBLAY', true],
      ['Allo, un délai', 'Luc Tremblay', false],
      [long, 'Luc Tremblay', true],
      ['Bonjour, remboursement', 'Luc Tremblay', false],
    ];
    for (const [written, name, expected] of runs) expect([written, name, rule({ ...FACTS, text: written, authorName: name })]).toEqual([written, name, expected]);
  });

  it('contains any of the words: whole words, accents and case ignored, prefixes only when written so', () => {
    expect(text('containsAny', ['rembourse'], 'Il ne m’a jamais remboursé')).toBe(true);
    expect(text('containsAny', ['REMBOURSÉ'], 'il rembourse?')).toBe(true);
    expect(text('containsAny', ['rembourse'], 'Je veux un remboursement')).toBe(false);
    expect(text('containsAny', ['rembours*'], 'Je veux un remboursement')).toBe(true);
    expect(text('containsAny', ['rembours*'], 'Pas de REMBOURSEMENTS?')).toBe(true);
    expect(text('containsAny', ['rembours*'], 'un non-rembours')).toBe(true);
    expect(text('containsAny', ['café'], 'Le cafés sont froids')).toBe(false);
    expect(text('containsAny', ['refund', 'remboursement'], 'Need a REFUND.')).toBe(true);
    expect(text('containsAny', ['refund'], 'refunded yesterday')).toBe(false);
  });

  it('contains phrases as written, and emoji as words, even glued to a word', () => {
    expect(text('containsAny', ['mise en demeure'], 'Voici une MISE EN DEMEURE.')).toBe(true);
    expect(text('containsAny', ['mise en demeure'], 'mise en  demeure')).toBe(false);
    expect(text('containsAny', ['food poisoning'], 'food poisonings')).toBe(false);
    expect(text('containsAny', ['🔥'], 'Ce café 🔥🔥')).toBe(true);
    expect(text('containsAny', ['😡'], 'Service😡')).toBe(true);
    expect(text('containsAny', ['😡'], 'Service 🙂')).toBe(false);
    expect(text('containsAny', ['c’est nul'], 'Franchement, C’EST NUL')).toBe(true);
    expect(text('containsAny', ["c'est nul"], 'Franchement, c’est nul')).toBe(true);
    expect(text('startsWith', "j'ai", 'J’ai une question')).toBe(true);
  });

  it('contains all of the words, each a whole word', () => {
    expect(text('containsAll', ['colis', 'perdu'], 'Mon COLIS est perdu')).toBe(true);
    expect(text('containsAll', ['colis', 'perdu'], 'Mon colis est arrivé')).toBe(false);
    expect(text('containsAll', ['colis', 'perdu*'], 'colis perdus')).toBe(true);
  });

  it('starts with, equals and in list, folded; a regular expression as written but case-insensitive', () => {
    expect(text('startsWith', 'bonjour', '  BONJOUR, petite question')).toBe(true);
    expect(text('startsWith', 'allo', 'Bonjour allo')).toBe(false);
    expect(text('equals', 'Merci', 'merci')).toBe(true);
    expect(text('equals', 'Merci', 'merci!')).toBe(false);
    expect(text('inList', ['oui', 'Ok', 'd’accord'], 'OK')).toBe(true);
    expect(text('inList', ['oui', 'ok'], 'ok merci')).toBe(false);
    expect(text('matches', 'commande\\s*#?\\d{4,}', 'Ma COMMANDE #12345')).toBe(true);
    expect(text('matches', 'commande\\s*#?\\d{4,}', 'Ma commande 12')).toBe(false);
    expect(text('matches', 'élevé', 'ELEVE')).toBe(false);
  });

  it('is set when there is some text; nothing holds on a missing text but its negation', () => {
    expect(one({ field: 'text', op: 'isSet' }, { text: 'x' })).toBe(true);
    expect(one({ field: 'text', op: 'isSet' }, { text: '' })).toBe(false);
    expect(one({ field: 'language', op: 'isSet' }, { language: null })).toBe(false);
    expect(one({ field: 'language', op: 'isSet' }, { language: '' })).toBe(false);
    for (const op of ['containsAny', 'containsAll', 'inList']) expect(text(op, ['x'], null)).toBe(false);
    for (const op of ['startsWith', 'equals', 'matches']) expect(text(op, 'x', null)).toBe(false);
    expect(one({ field: 'text', op: 'containsAny', values: ['x'], negate: true }, { text: null })).toBe(true);
  });

  it('applies to every text field: handle, name, language, assignee', () => {
    expect(one({ field: 'authorHandle', op: 'startsWith', value: '@marie' })).toBe(true);
    expect(one({ field: 'authorName', op: 'containsAny', values: ['eve'] })).toBe(true);
    expect(one({ field: 'authorName', op: 'containsAny', values: ['marie'] })).toBe(true);
    expect(one({ field: 'language', op: 'inList', values: ['fr', 'en'] })).toBe(true);
    expect(one({ field: 'assignee', op: 'isSet' })).toBe(false);
    expect(one({ field: 'assignee', op: 'equals', value: 'p1' }, { assignee: 'p1' })).toBe(true);
  });
});

describe('number, boolean, choice and tag conditions', () => {
  it('compares numbers; a missing number is neither more nor less, nor set', () => {
    expect(one({ field: 'authorFollowers', op: 'greaterThan', value: 100 })).toBe(true);
    expect(one({ field: 'authorFollowers', op: 'greaterThan', value: 120 })).toBe(false);
    expect(one({ field: 'authorFollowers', op: 'lessThan', value: 121 })).toBe(true);
    expect(one({ field: 'authorFollowers', op: 'equals', value: 120 })).toBe(true);
    expect(one({ field: 'authorFollowers', op: 'isSet' }, { authorFollowers: 0 })).toBe(true);
    for (const op of ['greaterThan', 'lessThan', 'equals']) expect(one({ field: 'authorFollowers', op, value: 0 }, { authorFollowers: null })).toBe(false);
    expect(one({ field: 'authorFollowers', op: 'isSet' }, { authorFollowers: null })).toBe(false);
    expect(one({ field: 'spamScore', op: 'greaterThan', value: 0.7 }, { spamScore: 0.74 })).toBe(true);
    expect(one({ field: 'ageMinutes', op: 'lessThan', value: 60 })).toBe(true);
    expect(one({ field: 'messageCount', op: 'equals', value: 2 })).toBe(true);
  });

  it('compares booleans, choices and lists of choices', () => {
    expect(one({ field: 'authorVip', op: 'equals', value: true })).toBe(true);
    expect(one({ field: 'authorVerified', op: 'equals', value: true })).toBe(false);
    expect(one({ field: 'inBusinessHours', op: 'equals', value: false })).toBe(false);
    expect(one({ field: 'platform', op: 'equals', value: 'facebook' })).toBe(true);
    expect(one({ field: 'kind', op: 'inList', values: ['dm', 'mention'] })).toBe(false);
    expect(one({ field: 'status', op: 'inList', values: ['open', 'snoozed'] })).toBe(true);
    expect(() => one({ field: 'authorVip', op: 'equals', value: 'yes' })).toThrow(/must be a boolean/u);
    expect(() => one({ field: 'kind', op: 'equals', value: 'story' })).toThrow(/story is not one of/u);
  });

  it('answer equality and lists for each value in turn, as message after message brings the same few platforms and languages', () => {
    // The answer for the last value asked is kept per condition: it must follow the value.
    const rule = compileConditions(conditionGroupSchema.parse({ any: [{ field: 'platform', op: 'equals', value: 'instagram' }, { field: 'language', op: 'inList', values: ['FR', 'es'] }] }));
    const runs: [string, string | null, boolean][] = [
      ['instagram', 'en', true],
      ['facebook', 'en', false],
      ['facebook', 'fr', true],
      ['facebook', 'fr', true],
      ['facebook', null, false],
      ['instagram', null, true],
      ['x', 'es', true],
      ['x', 'en', false],
    ];
    for (const [platform, language, expected] of runs) expect([platform, language, rule({ ...FACTS, platform, language })]).toEqual([platform, language, expected]);
  });

  it('reads tags as a set of names, case and accents ignored', () => {
    expect(one({ field: 'tags', op: 'containsAny', values: ['facturation', 'urgent'] })).toBe(true);
    expect(one({ field: 'tags', op: 'containsAny', values: ['factur*'] })).toBe(false);
    expect(one({ field: 'tags', op: 'containsAll', values: ['vip', 'FACTURATION'] })).toBe(true);
    expect(one({ field: 'tags', op: 'containsAll', values: ['vip', 'retour'] })).toBe(false);
    expect(one({ field: 'tags', op: 'isSet' })).toBe(true);
    expect(one({ field: 'tags', op: 'isSet' }, { tags: [] })).toBe(false);
  });
});

describe('groups', () => {
  const refund = { field: 'text', op: 'containsAny', values: ['rembours*'] };
  const vip = { field: 'authorVip', op: 'equals', value: true };
  const dm = { field: 'kind', op: 'equals', value: 'dm' };

  it('negate, all, any, nested; all of nothing holds, any of nothing does not', () => {
    expect(holds({ all: [refund, vip] })).toBe(true);
    expect(holds({ all: [refund, dm] })).toBe(false);
    expect(holds({ any: [dm, vip] })).toBe(true);
    expect(holds({ all: [refund, { ...dm, negate: true }] })).toBe(true);
    expect(holds({ all: [refund, { any: [dm, { all: [vip, { any: [{ ...vip, negate: true }, { field: 'urgent', op: 'equals', value: false }] }] }] }] })).toBe(true);
    expect(holds({ all: [refund, { any: [dm, { all: [vip, { any: [{ ...vip, negate: true }, { field: 'urgent', op: 'equals', value: true }] }] }] }] })).toBe(false);
    expect(holds({ all: [] })).toBe(true);
    expect(holds({ any: [] })).toBe(false);
    expect(holds({ all: [{ any: [] }] })).toBe(false);
  });

  it('refuses groups nested deeper than four', () => {
    const deep: ConditionGroup = { all: [{ any: [{ all: [{ any: [{ all: [] }] }] }] }] };
    expect(conditionGroupSchema.safeParse(deep).success).toBe(false);
  });
});

describe('regular expressions', () => {
  it('finish on catastrophic patterns over 100 000 characters (a backtracking engine would never return)', () => {
    const as = 'a'.repeat(100_000);
    const xs = 'x'.repeat(100_000);
    expect(text('matches', '(a+)+$', `${as}b`)).toBe(false);
    expect(text('matches', '(a+)+$', as)).toBe(true);
    expect(text('matches', '(x+x+)+y', xs)).toBe(false);
    expect(text('matches', '(x+x+)+y', `${xs}y`)).toBe(true);
    expect(text('matches', '^(\\w+\\s?)*$', `${'word '.repeat(20_000)}!`)).toBe(false);
  });
});

describe('word lists shared by several conditions', () => {
  it('answer for the text each condition is given, whichever condition asked last and whatever else holds the list', () => {
    const compile = (when: unknown) => compileConditions(conditionGroupSchema.parse(when));
    const words = { field: 'text', op: 'containsAny', values: ['refund', 'rembours*'] };
    const tagRule = compile({ all: [words] });
    const frenchRule = compile({ all: [words, { field: 'language', op: 'inList', values: ['fr'] }] });
    const nameRule = compile({ all: [{ ...words, field: 'authorName' }] });
    const asked = (text: string, authorName = 'Zoé') => [tagRule, frenchRule, nameRule].map((predicate) => predicate({ ...FACTS, text, authorName }));
    expect(asked('Je veux être remboursée')).toEqual([true, true, false]);
    expect(asked('Merci!')).toEqual([false, false, false]);
    expect(asked('Merci!', 'Refund Bot')).toEqual([false, false, true]);
    expect(asked('REFUND please', 'Refund Bot')).toEqual([true, true, true]);
    // A thousand other lists later, the first conditions still hold their own.
    for (let n = 0; n < 1100; n++) compile({ all: [{ field: 'text', op: 'containsAny', values: [`mot${n}`] }] })(FACTS);
    expect(asked('remboursement')).toEqual([true, true, false]);
    expect(compile({ all: [words] })({ ...FACTS, text: 'no' })).toBe(false);
  });
});

describe('the order conditions are tried in', () => {
  it('is cheapest first: the spam score and the tags are not worked out when the platform already answers', () => {
    const read: string[] = [];
    const facts: RuleFacts = {
      ...FACTS,
      get spamScore() {
        read.push('spamScore');
        return 0.9;
      },
      get tags() {
        read.push('tags');
        return ['VIP'];
      },
    };
    const spamOnInstagram = compileConditions(conditionGroupSchema.parse({ all: [{ field: 'spamScore', op: 'greaterThan', value: 0.7 }, { field: 'platform', op: 'equals', value: 'instagram' }] }));
    const vipOrFacebook = compileConditions(conditionGroupSchema.parse({ any: [{ field: 'tags', op: 'containsAny', values: ['VIP'] }, { field: 'platform', op: 'equals', value: 'facebook' }] }));
    expect([spamOnInstagram(facts), vipOrFacebook(facts)]).toEqual([false, true]);
    expect(read).toEqual([]);
    expect(spamOnInstagram({ ...facts, platform: 'instagram' })).toBe(true);
  });
});
