import { formatClock } from '../text/formatClock';
import { minutesOf, type TimeRange } from './scheduleSchema';

/** A fixed day whose clock times Intl formats in UTC: only the time of day matters here. */
const dayAt = (minutes: number) => Date.UTC(2000, 0, 3, 0, minutes);

/**
 * A time of day as the locale writes it, by Intl: "9 h", "9 h 30", "17 h" in French (Québec
 * drops ":00"), "9:00 a.m." or "09:00" in English. "24:00" reads as midnight.
 */
export function formatTimeOfDay(time: string, locale: string): string {
  const minutes = minutesOf(time) % 1440;
  return formatClock(dayAt(minutes), locale, { timeZone: 'UTC' });
}

/** "9 h – 12 h, 13 h – 17 h" / "9:00 a.m. – 12:00 p.m., …": what the hours editor shows, and reads back unchanged. */
export const formatRanges = (ranges: readonly TimeRange[], locale: string): string =>
  ranges.map(([start, end]) => `${formatTimeOfDay(start, locale)} – ${formatTimeOfDay(end, locale)}`).join(', ');
