import type { Ledger } from '../../../shared/api/wellbeing';
import { formatWrittenDate } from '../../../shared/text/writtenDate';

const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

const unit = (value: number, name: 'hour' | 'minute', locale: string) => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);

/** "45 min", "2 h", "2 h 5 min" in the UI's locale, to the nearest minute. */
export function formatDuration(ms: number, locale: string): string {
  const total = Math.round(ms / MINUTE_MS);
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return unit(minutes, 'minute', locale);
  return minutes === 0 ? unit(hours, 'hour', locale) : `${unit(hours, 'hour', locale)} ${unit(minutes, 'minute', locale)}`;
}

// Steps a person reads at a glance on a time axis; past a day, whole days.
const DURATION_STEPS_MS = [5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440].map((minutes) => minutes * MINUTE_MS);
const MAX_INTERVALS = 4;

/**
 * The ticks of a time axis whose highest bar is `maxMs`: 0, then the smallest human step (5, 10,
 * 15, 30 min, 1, 2, 3, 4, 6, 12, 24 h, whole days) that covers it in at most four intervals.
 * An empty chart still gets a scale (0 to 15 min) rather than ticks that all read "0".
 */
export function durationTicks(maxMs: number): number[] {
  const top = Math.max(maxMs, 15 * MINUTE_MS);
  const fitting = DURATION_STEPS_MS.find((step) => Math.ceil(top / step) <= MAX_INTERVALS);
  const step = fitting ?? Math.ceil(top / MAX_INTERVALS / (24 * HOUR_MS)) * 24 * HOUR_MS;
  const count = Math.ceil(top / step);
  return Array.from({ length: count + 1 }, (_, index) => index * step);
}

// A ledger date is a calendar date in my schedule's zone: formatted as such (in UTC), never
// converted through this machine's zone, which could move it a day.
const calendarDate = (date: string, locale: string, options: Intl.DateTimeFormatOptions): string => {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return formatWrittenDate(Date.UTC(year, month - 1, day), locale, { ...options, timeZone: 'UTC' });
};

/** "Mon 2" / "lun. 2": a day on a chart's axis. */
export const dayLabel = (date: string, locale: string): string => calendarDate(date, locale, { weekday: 'short', day: 'numeric' });
/** "Monday, November 2" / "lundi 2 novembre": a day in a table. */
export const longDayLabel = (date: string, locale: string): string => calendarDate(date, locale, { weekday: 'long', day: 'numeric', month: 'long' });
/** "Nov 2" / "2 nov.": the Monday a week starts on. */
export const weekLabel = (date: string, locale: string): string => calendarDate(date, locale, { day: 'numeric', month: 'short' });

export type DayRow = { date: string; label: string; onDutyHours: number; offDutyHours: number; hostileRevealed: number };
export type WeekRow = { date: string; label: string; peeks: number; offDutyReplies: number };

/** What the day charts and their tables show, oldest first. */
export const dayRows = (ledger: Ledger, locale: string): DayRow[] =>
  ledger.days.map((day) => ({
    date: day.date,
    label: dayLabel(day.date, locale),
    onDutyHours: day.onDutyMs / HOUR_MS,
    offDutyHours: day.offDutyMs / HOUR_MS,
    hostileRevealed: day.hostileRevealed,
  }));

/** What the week chart and its table show, oldest first. */
export const weekRows = (ledger: Ledger, locale: string): WeekRow[] =>
  ledger.weeks.map((week) => ({ date: week.date, label: weekLabel(week.date, locale), peeks: week.peeks, offDutyReplies: week.offDutyReplies }));
