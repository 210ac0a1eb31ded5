import { describe, expect, it } from 'vitest';
import { pickVariant } from './pickVariant';
import type { TemplateVariant } from './templateSchema';

const variant = (language: string, platform: TemplateVariant['platform'] = null): TemplateVariant => ({ language, platform, body: `${language}/${platform ?? 'all'}` });
const bodyOf = (variants: TemplateVariant[], wanted: Parameters<typeof pickVariant>[1]) => pickVariant(variants, wanted)?.body ?? null;

describe('pickVariant', () => {
  const variants = [variant('fr'), variant('fr', 'instagram'), variant('en'), variant('en', 'youtube')];

  it('picks the conversation’s language, and its platform version when there is one', () => {
    expect(bodyOf(variants, { language: 'en', platform: 'facebook', defaultLanguage: 'fr' })).toBe('en/all');
    expect(bodyOf(variants, { language: 'en', platform: 'youtube', defaultLanguage: 'fr' })).toBe('en/youtube');
    expect(bodyOf(variants, { language: 'fr', platform: 'instagram', defaultLanguage: 'en' })).toBe('fr/instagram');
  });

  it('falls back to the workspace default when the language is unknown or has no version', () => {
    expect(bodyOf(variants, { language: null, platform: 'instagram', defaultLanguage: 'fr' })).toBe('fr/instagram');
    expect(bodyOf(variants, { language: 'es', platform: 'youtube', defaultLanguage: 'en' })).toBe('en/youtube');
  });

  it('falls back to the template’s first language when neither is there', () => {
    expect(bodyOf([variant('en'), variant('es')], { language: 'de', platform: 'x', defaultLanguage: 'fr' })).toBe('en/all');
    expect(bodyOf([], { language: 'fr', platform: 'x', defaultLanguage: 'fr' })).toBeNull();
  });
});
