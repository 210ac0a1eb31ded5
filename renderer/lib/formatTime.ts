import { formatClock } from '../../shared/text/formatClock';
import { formatWrittenDate } from '../../shared/text/writtenDate';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3_600_000],
  ['month', 30 * 24 * 3_600_000],
  ['week', 7 * 24 * 3_600_000],
  ['day', 24 * 3_600_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 min ago" / "il y a 5 min": the largest whole unit, localised by Intl; under a minute, `nowLabel`. */
export function formatRelative(at: number, now: number, locale: string, nowLabel: string): string {
  const elapsed = at - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(elapsed) >= ms) {
      return new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }).format(Math.round(elapsed / ms), unit);
    }
  }
  return nowLabel;
}

/** Intl's medium date ("Dec 5, 2026" / "5 déc. 2026"), spelled out so the time can go with it unpadded. */
const MEDIUM_DATE = { year: 'numeric', month: 'short', day: 'numeric' } as const;

/** "Dec 5, 2026, 7:54 a.m." / "5 déc. 2026, 7 h 54". */
export function formatDateTime(at: number, locale: string): string {
  return formatClock(at, locale, MEDIUM_DATE);
}

export function formatDate(at: number, locale: string): string {
  return formatWrittenDate(at, locale, { dateStyle: 'long' });
}

const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * "Friday 5:00 p.m." / "vendredi 17 h" within the past week (unambiguous then), else the full
 * date and time; in `timeZone` when given (a person's hours), else the computer's.
 */
export function formatRecentDateTime(at: number, now: number, locale: string, timeZone?: string): string {
  if (at > now || now - at >= WEEK_MS - 24 * 3_600_000) return formatClock(at, locale, { ...MEDIUM_DATE, timeZone });
  return formatClock(at, locale, { weekday: 'long', timeZone });
}

/**
 * "Eastern Time (Toronto)" / "heure de l’Est (Toronto)" when `timeZone` is not the computer's:
 * times shown in it then need saying so. Null when it is the computer's own.
 */
export function otherZoneName(timeZone: string, locale: string): string | null {
  if (timeZone === Intl.DateTimeFormat().resolvedOptions().timeZone) return null;
  const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(0).find((part) => part.type === 'timeZoneName')?.value;
  const city = timeZone.split('/').pop()?.replace(/_/gu, ' ') ?? timeZone;
  return name && name !== city ? `${name} (${city})` : city;
}

/** "3:05 p.m." / "15 h 05": a time of today, as a clock shows it. */
export function formatClockTime(at: number, locale: string): string {
  return formatClock(at, locale);
}
