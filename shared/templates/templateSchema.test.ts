import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_BODY, templateInputSchema } from './templateSchema';

const valid = { name: 'Merci', shortcut: '/Merci', variants: [{ language: 'FR', body: '  Merci {{ contact.first_name }}!  ' }] };
const problems = (input: unknown) => {
  const parsed = templateInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('templateInputSchema', () => {
  it('normalises what the person typed: the slash, case, spaces and duplicate tags', () => {
    expect(templateInputSchema.parse({ ...valid, tags: ['Politesse', 'politesse', 'merci'] })).toEqual({
      name: 'Merci',
      shortcut: 'merci',
      folder: '',
      tags: ['Politesse', 'merci'],
      variants: [{ language: 'fr', platform: null, body: 'Merci {{ contact.first_name }}!' }],
    });
  });

  it('names the field that is wrong', () => {
    expect(problems({ ...valid, name: '  ' })).toEqual(['name: a name is required']);
    expect(problems({ ...valid, shortcut: 'mer ci' })).toEqual(['shortcut: use letters a–z, digits, - or _ (no spaces or accents)']);
    expect(problems({ ...valid, shortcut: 'désolé' })).toHaveLength(1);
    expect(problems({ ...valid, variants: [{ language: 'fz', body: 'x' }] })).toEqual(['variants.0.language: unknown language code (use an ISO 639 code such as fr or en)']);
    expect(problems({ ...valid, variants: [{ language: 'fr', body: 'x'.repeat(MAX_TEMPLATE_BODY + 1) }] })).toEqual([`variants.0.body: at most ${MAX_TEMPLATE_BODY} characters`]);
    expect(problems({ ...valid, variants: [] })).toEqual(['variants: a template needs at least one version']);
  });

  it('wants one version per language and platform, and a general version under each platform one', () => {
    expect(problems({ ...valid, variants: [{ language: 'fr', body: 'a' }, { language: 'fr', body: 'b' }] })).toEqual(['variants.1: a second general version in fr']);
    expect(problems({ ...valid, variants: [{ language: 'fr', body: 'a' }, { language: 'en', platform: 'x', body: 'b' }] })).toEqual([
      'variants.1.platform: a x version needs a general version in en',
    ]);
  });
});
