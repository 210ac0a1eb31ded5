import { describe, expect, it } from 'vitest';
import type { Template } from '../../../shared/api/templates';
import { draftOf, draftProblems, emptyDraft, inputOf, withVariant, type TemplateDraft } from './templateDraft';

const saved: Template = {
  id: 't1',
  name: 'Merci',
  shortcut: 'merci',
  folder: 'Politesse',
  tags: ['accueil', 'vip'],
  variants: [{ language: 'fr', platform: null, body: 'Merci!' }],
  usageCount: 3,
  lastUsedAt: 5,
  createdAt: 1,
  updatedAt: 2,
};

const draft = (overrides: Partial<TemplateDraft>): TemplateDraft => ({ ...emptyDraft('fr'), name: 'Nouveau', shortcut: 'nouveau', variants: [{ language: 'fr', platform: null, body: 'Bonjour!' }], ...overrides });

describe('template drafts', () => {
  it('round-trips a template through the editor, tags as one line', () => {
    expect(draftOf(saved).tags).toBe('accueil, vip');
    expect(inputOf(draftOf(saved))).toEqual({ id: 't1', name: 'Merci', shortcut: 'merci', folder: 'Politesse', tags: ['accueil', 'vip'], variants: saved.variants });
    expect(inputOf({ ...emptyDraft('en'), tags: ' a, ,b ' })).not.toHaveProperty('id');
    expect(inputOf({ ...emptyDraft('en'), tags: ' a, ,b ' }).tags).toEqual(['a', 'b']);
  });

  it('puts a new version after the others of its language', () => {
    const variants = [{ language: 'fr', platform: null, body: 'a' }, { language: 'en', platform: null, body: 'b' }];
    expect(withVariant(variants, { language: 'fr', platform: 'x', body: '' }).map((v) => `${v.language}/${v.platform}`)).toEqual(['fr/null', 'fr/x', 'en/null']);
    expect(withVariant(variants, { language: 'es', platform: null, body: '' }).map((v) => v.language)).toEqual(['fr', 'en', 'es']);
  });

  it('says what the core would refuse, field by field', () => {
    expect(draftProblems(draft({}), [saved])).toEqual([]);
    expect(draftProblems(draft({ id: 't1', shortcut: 'merci' }), [saved])).toEqual([]);
    expect(draftProblems(draft({ name: ' ', shortcut: 'mer ci' }), [saved])).toEqual([
      { field: 'name', key: 'nameRequired' },
      { field: 'shortcut', key: 'shortcutChars' },
    ]);
    expect(draftProblems(draft({ shortcut: '/Merci' }), [saved])).toEqual([{ field: 'shortcut', key: 'shortcutTaken', params: { name: 'Merci' } }]);
    expect(draftProblems(draft({ variants: [{ language: 'fr', platform: null, body: '' }, { language: 'zz', platform: null, body: 'x' }] }), [])).toEqual([
      { field: 'variants', variant: 0, key: 'bodyRequired' },
      { field: 'variants', variant: 1, key: 'unknownLanguage' },
    ]);
    expect(draftProblems(draft({ variants: [{ language: 'en', platform: 'x', body: 'x' }] }), [])).toEqual([{ field: 'variants', variant: 0, key: 'needsGeneral' }]);
    expect(draftProblems(draft({ variants: [] }), [])).toEqual([{ field: 'variants', key: 'noVersion' }]);
  });

  it('names a control character in the name, folder or tags, not a missing or long field', () => {
    expect(draftProblems(draft({ name: 'Mer\u0000ci', folder: '\u001bPolitesse', tags: 'vip, a\tb' }), [])).toEqual([
      { field: 'name', key: 'controlCharacter', params: { codePoint: 'U+0000', position: 4 } },
      { field: 'folder', key: 'controlCharacter', params: { codePoint: 'U+001B', position: 1 } },
      { field: 'tags', key: 'controlCharacter', params: { codePoint: 'U+0009', position: 2 } },
    ]);
  });

  it('reports a body that does not parse with its line', () => {
    expect(draftProblems(draft({ variants: [{ language: 'fr', platform: null, body: 'Salut\n{% if x %}' }] }), [])).toEqual([
      { field: 'variants', variant: 0, key: 'syntax', params: { line: 2, message: expect.stringMatching(/not closed/) } },
    ]);
  });
});
