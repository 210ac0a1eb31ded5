import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ruleDefinitionSchema } from '../../../shared/rules/ruleSchema';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { changeCondition, emptyDraft, fromDefinition, isGroup, newCondition, newKey, toDefinition, type DraftCondition, type DraftGroup } from './ruleDraft';
import { checkDraft } from './ruleProblems';

const instance = async (lng: 'en' | 'fr') => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, fr: { translation: fr } }, interpolation: { escapeValue: false } });
  return i18n;
};
const [english, french] = await Promise.all([instance('en'), instance('fr')]);

const condition = (change: Partial<DraftCondition>): DraftCondition => ({ ...newCondition('text'), ...change });

describe('the editor’s draft and the rule schema', () => {
  it('turns what was typed into the definition the core takes: comma lists, numbers, yes/no, "is set" without a value', () => {
    const draft = {
      ...emptyDraft('Refunds'),
      when: {
        key: newKey(),
        mode: 'all' as const,
        children: [
          condition({ input: ' rembours*, refund* ,, ' }),
          condition({ field: 'authorFollowers', op: 'greaterThan', input: '1,5' }),
          { key: newKey(), mode: 'any' as const, children: [condition({ field: 'hasLink', op: 'equals', input: 'false', negate: true }), condition({ field: 'assignee', op: 'isSet', input: 'stale' })] },
        ],
      },
      actions: [{ key: newKey(), action: { type: 'addTag' as const, tag: 'billing' } }],
    };
    const checked = checkDraft(english.t, draft);
    expect(checked.problems).toBeNull();
    expect(checked.definition?.when).toEqual({
      all: [
        { field: 'text', op: 'containsAny', values: ['rembours*', 'refund*'], negate: false },
        { field: 'authorFollowers', op: 'greaterThan', value: 1.5, negate: false },
        { any: [{ field: 'hasLink', op: 'equals', value: false, negate: true }, { field: 'assignee', op: 'isSet', negate: false }] },
      ],
    });
  });

  it('reads a saved rule back into the same definition', () => {
    const saved = ruleDefinitionSchema.parse({
      name: 'VIP',
      trigger: { type: 'noReply', workingMinutes: 45, hours: 'assignee' },
      when: { any: [{ field: 'authorVip', op: 'equals', value: true }, { all: [{ field: 'platform', op: 'inList', values: ['x', 'bluesky'] }, { field: 'text', op: 'matches', value: '^#\\d+' }] }] },
      actions: [{ type: 'setPriority', priority: 'high' }, { type: 'assign', to: { mode: 'roundRobin', personIds: ['a'], cap: 5 } }],
      stopProcessing: true,
    });
    expect(ruleDefinitionSchema.parse(toDefinition(fromDefinition(saved)))).toEqual(saved);
  });

  it('puts each refusal on its own row, in French, never in the schema’s English', () => {
    const badWords = condition({ input: 'rem*bours' });
    const badNumber = condition({ field: 'wordCount', op: 'lessThan', input: '' });
    const inner: DraftGroup = { key: newKey(), mode: 'any', children: [badNumber] };
    const draft = {
      ...emptyDraft(''),
      trigger: { type: 'unassigned' as const, workingMinutes: 0 },
      when: { key: newKey(), mode: 'all' as const, children: [badWords, inner] },
      actions: [{ key: 'tag-action', action: { type: 'addTag' as const, tag: '  ' } }],
    };
    const { problems } = checkDraft(french.t, draft);
    expect(problems).toEqual({
      name: 'Donnez un nom à la règle (120 caractères au plus).',
      trigger: 'Écrivez un nombre de minutes ouvrables, de 1 à 10 080.',
      [badWords.key]: 'Écrivez au moins un mot, séparés par des virgules; un * seulement à la fin d’un mot (rembours*).',
      [badNumber.key]: 'Écrivez un nombre.',
      'tag-action': 'Écrivez le nom de l’étiquette (100 caractères au plus).',
    });
  });

  it('says a rule needs an action, and a group nested too deep, on the group', () => {
    let deepest: DraftGroup = { key: newKey(), mode: 'all', children: [condition({ input: 'x' })] };
    for (let depth = 0; depth < 4; depth++) deepest = { key: newKey(), mode: 'any', children: [deepest] };
    const draft = { ...emptyDraft('Deep'), when: deepest, actions: [] };
    const { problems } = checkDraft(english.t, draft);
    expect(problems).toEqual({ [deepest.key]: 'Groups nest 4 deep at most, with 100 conditions each.', actions: 'A rule needs at least one action.' });
  });

  it('keeps the words typed when the field changes to another text field, and starts afresh on a field of another kind', () => {
    const typed = condition({ input: 'merci' });
    expect(changeCondition(typed, { field: 'authorName' })).toEqual({ ...typed, field: 'authorName' });
    const platform = changeCondition(typed, { field: 'platform' });
    expect(platform).toMatchObject({ key: typed.key, field: 'platform', op: 'equals', input: 'facebook' });
    expect(isGroup(platform)).toBe(false);
  });
});
