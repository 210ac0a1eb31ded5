/** Offline hours: a person's schedule is the one authority on "am I on now", "when am I next on" and "who is on". */
export { isOnDuty, nextOffDuty, nextOnDuty, onDutyIntervalsBetween, onDutyMsBetween, whoIsOnDuty } from './dutyQueries';
export { mergeIntervals, type Interval } from './dutyIntervals';
export { parseSchedule, scheduleSchema, ScheduleError, WEEKDAYS, type Schedule, type ScheduleException, type TimeRange, type Weekday } from './scheduleSchema';
export { firstHandover, nextHandover, onCallAt, rotaSchema, type OnCallRota } from './onCallRota';
export { MAX_OVERNIGHT_MINUTES, parseRangesText, type RangesProblem, type RangesReading } from './rangesNotation';
export { addWorkingMinutes, workingMinutesBetween } from './workingMinutes';
export { formatRanges, formatTimeOfDay } from './rangesFormat';
