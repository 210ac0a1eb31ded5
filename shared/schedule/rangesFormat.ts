import { minutesOf, type TimeRange } from './scheduleSchema';

/** A fixed day whose clock times Intl formats in UTC: only the time of day matters here. */
const dayAt = (minutes: number) => Date.UTC(2000, 0, 3, 0, minutes);

/**
 * A time of day as the locale writes it, by Intl: "9 h", "9 h 30", "17 h" in French (Québec
 * drops ":00"), "9:00 a.m." or "09:00" in English. "24:00" reads as midnight.
 */
export function formatTimeOfDay(time: string, locale: string): string {
  const minutes = minutesOf(time) % 1440;
  const parts = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).formatToParts(dayAt(minutes));
  // Intl's French hour alone pads ("09 h"): the minutes are dropped from the full form instead.
  const dropsZeroMinutes = locale.startsWith('fr') && minutes % 60 === 0;
  return parts
    .filter((part) => !(dropsZeroMinutes && part.type === 'minute'))
    .map((part) => part.value)
    .join('')
    .trim();
}

/** "9 h – 12 h, 13 h – 17 h" / "9:00 a.m. – 12:00 p.m., …": what the hours editor shows, and reads back unchanged. */
export const formatRanges = (ranges: readonly TimeRange[], locale: string): string =>
  ranges.map(([start, end]) => `${formatTimeOfDay(start, locale)} – ${formatTimeOfDay(end, locale)}`).join(', ');
