import type { Platform } from '../domain/platform';
import type { TemplateVariant } from './templateSchema';

export type VariantWanted = {
  /** The conversation's detected language, if any. */
  language: string | null;
  platform: Platform;
  /** The workspace's default language: used when the conversation's has no version. */
  defaultLanguage: string;
};

/**
 * The version a conversation gets: its language, else the workspace default, else the
 * template's first language; within that language, the platform's own version if there is
 * one, else the general one.
 */
export function pickVariant<V extends TemplateVariant>(variants: readonly V[], wanted: VariantWanted): V | null {
  const languages = [wanted.language, wanted.defaultLanguage, variants[0]?.language];
  for (const language of languages) {
    if (!language) continue;
    const inLanguage = variants.filter((variant) => variant.language === language);
    if (inLanguage.length === 0) continue;
    return inLanguage.find((variant) => variant.platform === wanted.platform) ?? inLanguage.find((variant) => variant.platform === null) ?? inLanguage[0] ?? null;
  }
  return null;
}
