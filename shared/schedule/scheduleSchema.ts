import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes since local midnight; a range's end may be 1440 ("24:00"). */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const startTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time from 00:00 to 23:59');
const endTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time from 00:00 to 24:00');

/** [start, end]: a range whose end is at or before its start runs past midnight, and belongs to the day it starts on. */
const rangeSchema = z.tuple([startTime, endTime]);
export type TimeRange = z.infer<typeof rangeSchema>;

/** A range's extent in minutes from its day's midnight: overnight ranges reach past 1440. */
export const extentOf = ([start, end]: TimeRange): [number, number] => {
  const from = minutesOf(start);
  const to = minutesOf(end);
  return [from, to > from ? to : to + 1440];
};

const rangesSchema = z.array(rangeSchema).max(12).superRefine((ranges, ctx) => {
  const extents = ranges.map((range, index) => ({ range, index, extent: extentOf(range) })).sort((a, b) => a.extent[0] - b.extent[0]);
  for (let i = 1; i < extents.length; i++) {
    const previous = extents[i - 1];
    const current = extents[i];
    if (previous && current && current.extent[0] < previous.extent[1]) {
      ctx.addIssue({
        code: 'custom',
        path: [current.index],
        message: `ranges ${previous.range.join('–')} and ${current.range.join('–')} overlap`,
      });
    }
  }
});

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD').refine((date) => {
  try {
    Temporal.PlainDate.from(date, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}, 'is not a real date');

const exceptionSchema = z.union([
  z.strictObject({ date: isoDate, ranges: rangesSchema }),
  z
    .strictObject({ from: isoDate, to: isoDate, ranges: rangesSchema })
    .refine((exception) => exception.from <= exception.to, { path: ['to'], message: 'must not be before from' }),
]);
export type ScheduleException = z.infer<typeof exceptionSchema>;

export const timeZone = z.string().min(1).refine((zone) => {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}, 'is not an IANA time zone (such as America/Toronto or Europe/Paris)');

export const scheduleSchema = z.strictObject({
  timeZone,
  weekly: z.strictObject(Object.fromEntries(WEEKDAYS.map((day) => [day, rangesSchema])) as Record<Weekday, typeof rangesSchema>),
  exceptions: z.array(exceptionSchema).max(500).default([]),
});

/** A person's working hours: weekly ranges in an IANA zone, and dated exceptions that replace a day's ranges. */
export type Schedule = z.output<typeof scheduleSchema>;

export class ScheduleError extends Error {
  override name = 'ScheduleError';
}

/** Parses stored or typed schedule JSON; the error names the field ("weekly.mon.1: ranges … overlap"). */
export function parseSchedule(json: unknown): Schedule {
  const parsed = scheduleSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new ScheduleError(
    parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'schedule'}: ${issue.message}`).join('; '),
  );
}
