import i18next, { type TFunction } from 'i18next';
import { beforeAll } from 'vitest';
import { en } from './en';
import { fr } from './fr';

/** Tests only: both languages' `t`, ready once the suite's `beforeAll` ran (read them inside tests). */
export function useTranslations(): Record<'en' | 'fr', TFunction> {
  const t = {} as Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    for (const language of ['en', 'fr'] as const) {
      const i18n = i18next.createInstance();
      await i18n.init({ lng: language, resources: { [language]: { translation: language === 'en' ? en : fr } }, interpolation: { escapeValue: false } });
      t[language] = i18n.t;
    }
  });
  return t;
}
