const cache = new Map<string, Intl.DisplayNames>();

/** "fr" as the person reads it: "French" in English, "français" in French. */
export function languageName(code: string, uiLanguage: string): string {
  let names = cache.get(uiLanguage);
  if (!names) {
    names = new Intl.DisplayNames([uiLanguage], { type: 'language', fallback: 'code' });
    cache.set(uiLanguage, names);
  }
  const name = names.of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(uiLanguage) + name.slice(1);
}
