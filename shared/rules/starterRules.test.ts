import { describe, expect, it } from 'vitest';
import { compileConditions, type RuleFacts } from './compileConditions';
import { ruleDefinitionSchema } from './ruleSchema';
import { OBVIOUS_SPAM_SCORE, TEMPLATE_TO_CHOOSE, starterRules } from './starterRules';

const context = { awayTemplateId: 'tpl-away', meId: 'person-me' };

describe('starter rules', () => {
  it.each(['fr', 'en'] as const)('are valid rule definitions in %s, only the spam one on', (language) => {
    const starters = starterRules(language, context);
    expect(starters.map((starter) => starter.key)).toEqual(['obviousSpam', 'crisisWords', 'newAccountLinks', 'awayDms', 'vip', 'refund']);
    for (const { definition } of starters) expect(ruleDefinitionSchema.parse(definition)).toEqual(definition);
    expect(starters.filter((starter) => starter.definition.isEnabled).map((starter) => starter.key)).toEqual(['obviousSpam']);
    expect(starters.some((starter) => starter.needsTemplate)).toBe(false);
  });

  it('are named in the language asked, and point at this workspace’s template and me', () => {
    const [fr, en] = [starterRules('fr', context), starterRules('en', context)];
    expect(fr.find((starter) => starter.key === 'refund')?.definition).toMatchObject({ name: 'Remboursement → étiquette facturation et tour de rôle', actions: [{ type: 'addTag', tag: 'facturation' }, { type: 'assign', to: { mode: 'roundRobin' } }] });
    expect(en.find((starter) => starter.key === 'refund')?.definition.actions[0]).toEqual({ type: 'addTag', tag: 'billing' });
    expect(en.find((starter) => starter.key === 'awayDms')?.definition.actions).toEqual([{ type: 'reply', templateId: 'tpl-away', oncePerConversation: true }]);
    expect(en.find((starter) => starter.key === 'vip')?.definition.actions[1]).toEqual({ type: 'assign', to: { mode: 'person', personId: 'person-me' } });
    expect(en.find((starter) => starter.key === 'obviousSpam')?.definition.when).toEqual({ all: [{ field: 'spamScore', op: 'greaterThan', value: OBVIOUS_SPAM_SCORE, negate: false }] });
  });

  it('say when the away reply still needs a template', () => {
    const away = starterRules('fr', { ...context, awayTemplateId: null }).find((starter) => starter.key === 'awayDms');
    expect(away).toMatchObject({ needsTemplate: true, definition: { actions: [{ type: 'reply', templateId: TEMPLATE_TO_CHOOSE }] } });
  });

  it('find refunds and crisis words in either language, whole words and prefixes', () => {
    const when = (key: string) => compileConditions(starterRules('fr', context).find((starter) => starter.key === key)?.definition.when ?? { any: [] });
    const facts = (text: string) => ({ text }) as RuleFacts;
    expect(when('refund')(facts('Je veux être REMBOURSÉE'))).toBe(true);
    expect(when('refund')(facts('Any refunds?'))).toBe(true);
    expect(when('refund')(facts('Le bourse est fermée'))).toBe(false);
    expect(when('crisisWords')(facts('Mon fils est à l’hopital'))).toBe(true);
    expect(when('crisisWords')(facts('We will sue you'))).toBe(true);
  });
});
