import { writtenPart } from './writtenDate';

/**
 * A time as the locale writes it, with the date parts asked for: "7:54 a.m." in English, "7 h 54"
 * and "9 h" in French. Québec writes neither "09 h" (Intl's short time style pads the hour) nor
 * "9 h 00": French drops zero minutes, and the hour's zero, which Intl still pads with some date
 * parts ("samedi 09 h") even when asked for a numeric hour. The first of the month is "1er".
 */
export function formatClock(at: number, locale: string, options: Omit<Intl.DateTimeFormatOptions, 'hour' | 'minute' | 'timeStyle'> = {}): string {
  const parts = new Intl.DateTimeFormat(locale, { ...options, hour: 'numeric', minute: '2-digit' }).formatToParts(at);
  const isFrench = locale.startsWith('fr');
  const dropsZeroMinutes = isFrench && parts.some((part) => part.type === 'minute' && part.value === '00');
  return parts
    .filter((part) => !(dropsZeroMinutes && part.type === 'minute'))
    .map((part) => (isFrench && part.type === 'hour' ? String(Number(part.value)) : writtenPart(part, isFrench)))
    .join('')
    .trim();
}
