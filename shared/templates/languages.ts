/** A language code as conversations carry it: ISO 639 primary language, lower case ("fr", "en"). */
const CODE = /^[a-z]{2,3}$/u;
const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Whether `code` names a language the platform's ICU knows ("fr", "iu"), not a typo ("fz"). */
export function isKnownLanguage(code: string): boolean {
  return CODE.test(code) && names.of(code) !== undefined;
}

/** The languages the editor offers first; any other known code can be typed. */
export const COMMON_TEMPLATE_LANGUAGES = ['fr', 'en', 'es', 'pt', 'it', 'de', 'nl', 'ar', 'zh', 'ht'] as const;
