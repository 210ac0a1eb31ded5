import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';
import { typographyOptions, withTypography } from './typography';

export type Language = 'fr' | 'en';
const OVERRIDE_KEY = 'pieuvre.language';

/** The language to use: the person's override if any, else the system's (French for any fr-*). */
export function pickLanguage(override: string | null, systemLanguages: readonly string[]): Language {
  if (override === 'fr' || override === 'en') return override;
  const first = systemLanguages[0] ?? 'en';
  return first.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const savedLanguageOverride = (): string | null => localStorage.getItem(OVERRIDE_KEY);

export function setLanguageOverride(language: Language | null): void {
  if (language === null) localStorage.removeItem(OVERRIDE_KEY);
  else localStorage.setItem(OVERRIDE_KEY, language);
  void i18next.changeLanguage(pickLanguage(language, navigator.languages));
}

/** The locale for dates and numbers: Québec French or the system's English variant. */
export const localeOf = (language: string): string => (language === 'fr' ? 'fr-CA' : navigator.language.startsWith('en') ? navigator.language : 'en-CA');

export async function initI18n(): Promise<void> {
  const lng = pickLanguage(savedLanguageOverride(), navigator.languages);
  await withTypography(i18next.use(initReactI18next), localeOf).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, fr: { translation: fr } },
    ...typographyOptions,
    returnNull: false,
  });
  document.documentElement.lang = lng === 'fr' ? 'fr-CA' : 'en';
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language === 'fr' ? 'fr-CA' : 'en';
  });
}
