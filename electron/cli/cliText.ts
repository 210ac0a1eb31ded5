import i18next from 'i18next';
import { z } from 'zod';
import { en, type CliMessages } from './i18n/en';
import { fr } from './i18n/fr';

export type CliLanguage = 'en' | 'fr';

/**
 * The locale's language: the first locale variable set (LC_ALL, LC_MESSAGES, LANG, as gettext
 * reads them), French for `fr…`, English otherwise (`C`, `POSIX`, `en_CA.UTF-8`…).
 */
export function languageFromEnv(env: NodeJS.ProcessEnv): CliLanguage {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? '';
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The language the command line speaks: `--lang fr|en` when given (anything else is refused), else the locale's. */
export function languageOf(flag: string | undefined, env: NodeJS.ProcessEnv): CliLanguage | { invalid: string } {
  if (flag === undefined) return languageFromEnv(env);
  return flag === 'fr' || flag === 'en' ? flag : { invalid: flag };
}

const texts = i18next.createInstance();
// The words are the command line's own, written for a terminal: nothing to escape.
void texts.init({ lng: 'en', fallbackLng: 'en', resources: { en: { translation: en }, fr: { translation: fr } }, interpolation: { escapeValue: false }, initAsync: false });

/**
 * Speaks `language` from now on, the validation messages of zod included (an option's value
 * refused by its schema). Before it is called, and in tests that import a command, English.
 */
export function speak(language: CliLanguage): void {
  void texts.changeLanguage(language);
  z.config(language === 'fr' ? z.locales.frCA() : z.locales.en());
}

/** An amount with two decimals as the language writes it: 1,234.50 in English, 1 234,50 in French. */
export const amount = (value: number): string =>
  new Intl.NumberFormat(texts.language === 'fr' ? 'fr-CA' : 'en-CA', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

/** A plural's key without its `_one`/`_other` ending: the one a sentence asks for, with `count`. */
type Said<Key extends string> = Key extends `${infer Base}_${'one' | 'other'}` ? Base : Key;
/** Every sentence's key, `section.key`: a sentence missing from the tables does not compile. */
export type TextKey = { [Section in keyof CliMessages & string]: `${Section}.${Said<keyof CliMessages[Section] & string>}` }[keyof CliMessages & string];

/** A sentence of the command line in its language: `t('reply.sent', { id })`; `count` picks a plural. */
export const t = (key: TextKey, values: Record<string, string | number> = {}): string => texts.t(key, values);
