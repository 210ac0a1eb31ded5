/**
 * A date part as it is written: Intl leaves the first of the month "1" in French ("le 1 janv."),
 * where Québec, like France, writes "1er" ("le 1er janv.", "lundi 1er décembre").
 */
export const writtenPart = (part: Intl.DateTimeFormatPart, isFrench: boolean): string => (isFrench && part.type === 'day' && part.value === '1' ? '1er' : part.value);

/** What `new Intl.DateTimeFormat(locale, options).format(at)` says, with the day written as the locale writes it. */
export function formatWrittenDate(at: number, locale: string, options: Intl.DateTimeFormatOptions): string {
  const isFrench = locale.startsWith('fr');
  return new Intl.DateTimeFormat(locale, options)
    .formatToParts(at)
    .map((part) => writtenPart(part, isFrench))
    .join('');
}
