import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ruleDefinitionSchema, type RuleDefinitionInput } from '../../../shared/rules/ruleSchema';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { typographyOptions, withTypography } from '../../i18n/typography';
import { describeRule, type RuleNames } from './describeRule';

const instance = async (lng: 'en' | 'fr') => {
  const i18n = withTypography(i18next.createInstance(), (language) => (language === 'fr' ? 'fr-CA' : 'en-CA'));
  await i18n.init({ lng, resources: { en: { translation: en }, fr: { translation: fr } }, ...typographyOptions });
  return i18n;
};
const [english, french] = await Promise.all([instance('en'), instance('fr')]);

const people: Record<string, string> = { lea: 'Léa', sam: 'Samuel' };
const names: RuleNames = { person: (id) => people[id] ?? null, account: (id) => (id === 'acc-1' ? 'Café Mont-Royal' : null), template: (id) => (id === 'tpl-away' ? 'Absent' : null) };
const rule = (input: Omit<RuleDefinitionInput, 'name'>) => ruleDefinitionSchema.parse({ name: 'r', ...input });

const billing = rule({
  trigger: { type: 'messageArrived' },
  when: { all: [{ field: 'text', op: 'containsAny', values: ['rembours*', 'refund*'] }] },
  actions: [{ type: 'addTag', tag: 'billing' }, { type: 'assign', to: { mode: 'roundRobin' } }],
});

describe('a rule in one line', () => {
  it('reads trigger · conditions → actions, in English and in French', () => {
    expect(describeRule(english.t, billing, names)).toBe('When a message arrives · Text contains rembours*, refund* → tag billing, round robin');
    expect(describeRule(french.t, billing, names)).toBe('Quand un message arrive · Texte contient rembours*, refund* → étiquette billing, à tour de rôle');
  });

  it('nests groups in parentheses, turns "not" into the negative verb, and names values as people know them', () => {
    const nested = rule({
      trigger: { type: 'noReply', workingMinutes: 90 },
      when: {
        any: [
          { all: [{ field: 'platform', op: 'inList', values: ['facebook', 'instagram'] }, { field: 'authorVip', op: 'equals', value: true, negate: true }] },
          { field: 'account', op: 'equals', value: 'acc-1' },
          { field: 'assignee', op: 'isSet', negate: true },
        ],
      },
      actions: [{ type: 'assign', to: { mode: 'person', personId: 'lea' } }, { type: 'reply', templateId: 'tpl-away' }, { type: 'snooze', minutes: 1 }],
      stopProcessing: true,
    });
    expect(describeRule(english.t, nested, names)).toBe(
      'No reply after 90 working minutes · (Platform is one of Facebook, Instagram and Author on the VIP list: no) or Account is Café Mont-Royal or Assigned to is not set → assign to Léa, reply “Absent”, snooze 1 minute · then stop',
    );
  });

  it('says "every message" without conditions, and "?" for a teammate since removed, never an id', () => {
    const gone = rule({ trigger: { type: 'shiftEnds', personId: 'gone', scope: 'assignedToThem' }, actions: [{ type: 'notify', personId: 'gone' }, { type: 'markSpam' }] });
    expect(describeRule(english.t, gone, names)).toBe('When ?’s shift ends, on their open conversations · every message → notify ?, spam');
    const anyone = rule({ trigger: { type: 'shiftStarts', personId: null, scope: 'unassigned' }, actions: [{ type: 'addNote', text: 'x' }] });
    expect(describeRule(french.t, anyone, names)).toBe('Au début du quart de n’importe qui, sur les conversations ouvertes sans responsable · tout message → note');
  });

  it('says a reply’s template is still to choose (a starter’s away reply), rather than quoting a "?"', () => {
    const away = rule({ trigger: { type: 'messageArrived' }, actions: [{ type: 'reply', templateId: 'template-to-choose' }] });
    expect(describeRule(english.t, away, names)).toBe('When a message arrives · every message → reply with a template you still have to choose');
    expect(describeRule(french.t, away, names)).toBe('Quand un message arrive · tout message → répondre avec un modèle qu’il reste à choisir');
  });

  it('writes numbers as the language does', () => {
    const followers = rule({ trigger: { type: 'messageArrived' }, when: { all: [{ field: 'authorFollowers', op: 'greaterThan', value: 12500 }] }, actions: [{ type: 'setPriority', priority: 'high' }] });
    expect(describeRule(english.t, followers, names)).toBe('When a message arrives · Author’s followers is over 12,500 → high priority');
    expect(describeRule(french.t, followers, names)).toBe('Quand un message arrive · Abonnés de l’auteur dépasse 12\u00a0500 → priorité haute');
  });
});
