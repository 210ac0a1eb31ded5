import { formatRanges, parseRangesText, WEEKDAYS, type RangesProblem, type Schedule, type ScheduleException, type Weekday } from '../../../shared/schedule';

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

/** Office hours, Monday to Friday 9 to 5, weekend off, in this computer's zone: where new hours start, for me, a teammate or an account. */
export const officeHoursDraft = (locale: string, timeZone = localTimeZone()): ScheduleDraft => ({
  timeZone,
  week: weekOf((day) => (day === 'sat' || day === 'sun' ? '' : formatRanges([['09:00', '17:00']], locale))),
  daysOff: [],
  otherExceptions: [],
});

/** A stored schedule as the editor shows it: times written as the interface's language writes them. */
export const draftOf = (schedule: Schedule, locale: string): ScheduleDraft => ({
  timeZone: schedule.timeZone,
  week: weekOf((day) => formatRanges(schedule.weekly[day], locale)),
  daysOff: schedule.exceptions.filter(isDaysOff),
  otherExceptions: schedule.exceptions.filter((exception) => !isDaysOff(exception)),
});

export type DraftProblems = Partial<Record<Weekday, RangesProblem>>;

/** The schedule a draft says, or what is wrong with each day that is not written as ranges; the core checks the rest. */
export function scheduleOf(draft: ScheduleDraft): { schedule: Schedule } | { problems: DraftProblems } {
  const weekly = {} as Schedule['weekly'];
  const problems: DraftProblems = {};
  for (const day of WEEKDAYS) {
    const reading = parseRangesText(draft.week[day]);
    if ('problem' in reading) problems[day] = reading.problem;
    else weekly[day] = reading.ranges;
  }
  if (Object.keys(problems).length > 0) return { problems };
  return { schedule: { timeZone: draft.timeZone, weekly, exceptions: [...draft.otherExceptions, ...draft.daysOff] } };
}

/** How many weekdays have working ranges: the one-line summary of a schedule. */
export const openDaysOf = (schedule: Schedule): number => WEEKDAYS.filter((day) => schedule.weekly[day].length > 0).length;
