import { WEEKDAYS, type Schedule, type ScheduleException, type Weekday } from '../../../shared/schedule';
import { parseRangesText, rangesToText } from '../../lib/rangesText';

/** Whole days off (a vacation, a holiday): a dated range exception with no working ranges. */
export type DaysOff = { from: string; to: string; ranges: [] };
const isDaysOff = (exception: ScheduleException): exception is DaysOff => 'from' in exception && exception.ranges.length === 0;

/** A schedule as the editor holds it: each weekday's ranges as the person types them. */
export type ScheduleDraft = {
  timeZone: string;
  week: Record<Weekday, string>;
  daysOff: DaysOff[];
  /** Exceptions the editor does not show (single-day changes), kept as they were. */
  otherExceptions: ScheduleException[];
};

export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const weekOf = (text: (day: Weekday) => string) => Object.fromEntries(WEEKDAYS.map((day) => [day, text(day)])) as Record<Weekday, string>;

export const emptyDraft = (timeZone = localTimeZone()): ScheduleDraft => ({ timeZone, week: weekOf(() => ''), daysOff: [], otherExceptions: [] });

/** Office hours, Monday to Friday: where a new teammate or account starts. */
export const officeHoursDraft = (timeZone = localTimeZone()): ScheduleDraft => ({
  ...emptyDraft(timeZone),
  week: weekOf((day) => (day === 'sat' || day === 'sun' ? '' : '09:00-17:00')),
});

export const draftOf = (schedule: Schedule): ScheduleDraft => ({
  timeZone: schedule.timeZone,
  week: weekOf((day) => rangesToText(schedule.weekly[day])),
  daysOff: schedule.exceptions.filter(isDaysOff),
  otherExceptions: schedule.exceptions.filter((exception) => !isDaysOff(exception)),
});

/** The schedule a draft says, or the first weekday whose text is not ranges; the core checks the rest (overlaps, 25:00). */
export function scheduleOf(draft: ScheduleDraft): { schedule: Schedule } | { invalidDay: Weekday } {
  const weekly = {} as Schedule['weekly'];
  for (const day of WEEKDAYS) {
    const ranges = parseRangesText(draft.week[day]);
    if (ranges === null) return { invalidDay: day };
    weekly[day] = ranges;
  }
  return { schedule: { timeZone: draft.timeZone, weekly, exceptions: [...draft.otherExceptions, ...draft.daysOff] } };
}

/** How many weekdays have working ranges: the one-line summary of a schedule. */
export const openDaysOf = (schedule: Schedule): number => WEEKDAYS.filter((day) => schedule.weekly[day].length > 0).length;
