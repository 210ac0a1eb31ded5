import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { parseSchedule, WEEKDAYS, type Schedule } from '../index';

// Test support only (fast-check is a dev dependency): arbitrary schedules and instants
// shared by the schedule's own property tests and the notification gate's.

export const ZONES = [
  'America/Toronto', 'America/St_Johns', 'Europe/Paris', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham',
  'UTC', 'America/Los_Angeles', 'Europe/London', 'Pacific/Auckland', 'America/Santiago', 'Asia/Tokyo',
] as const;
export const FROM = Date.UTC(2026, 0, 1);
export const TO = Date.UTC(2027, 11, 31);
export const DAY = 86_400_000;
export const HOUR = 3_600_000;

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A day's ranges: up to two same-day ranges on quarter hours, then maybe one that runs past midnight. */
const dayRanges = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: 95 }), { maxLength: 4 }),
    overnight: fc.option(fc.record({ start: fc.integer({ min: 0, max: 95 }), end: fc.integer({ min: 0, max: 95 }) })),
  })
  .map(({ cuts, overnight }) => {
    const sorted = [...cuts].sort((a, b) => a - b).map((q) => q * 15);
    const ranges: [string, string][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push([hhmm(sorted[i] ?? 0), hhmm(sorted[i + 1] ?? 0)]);
    const lastEnd = sorted.length >= 2 ? (sorted[sorted.length - (sorted.length % 2) - 1] ?? 0) : 0;
    if (overnight) {
      const start = Math.max(lastEnd, overnight.start * 15);
      const end = Math.min(overnight.end * 15, start);
      if (start < 1440 && !(ranges.length > 0 && start < lastEnd)) ranges.push([hhmm(start), hhmm(end)]);
    }
    return ranges;
  });

const exception = fc.record({
  day: fc.integer({ min: 0, max: 700 }),
  length: fc.option(fc.integer({ min: 0, max: 20 })),
  ranges: dayRanges,
}).map(({ day, length, ranges }) => {
  const date = Temporal.PlainDate.from('2026-01-01').add({ days: day });
  return length === null ? { date: date.toString(), ranges } : { from: date.toString(), to: date.add({ days: length }).toString(), ranges };
});

export const schedule: fc.Arbitrary<Schedule> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weekly: fc.tuple(...WEEKDAYS.map(() => dayRanges)),
    exceptions: fc.array(exception, { maxLength: 4 }),
  })
  .map(({ timeZone, weekly, exceptions }) => parseSchedule({ timeZone, weekly: Object.fromEntries(WEEKDAYS.map((day, i) => [day, weekly[i]])), exceptions }));

/** Every DST (or offset) transition of the zones in 2026–2027: the instants where bugs hide. */
export const transitions = ZONES.flatMap((zone) => {
  const found: number[] = [];
  let cursor: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(FROM).toZonedDateTimeISO(zone);
  while (cursor && cursor.epochMilliseconds < TO) {
    cursor = cursor.getTimeZoneTransition('next');
    if (cursor && cursor.epochMilliseconds < TO) found.push(cursor.epochMilliseconds);
  }
  return found;
});

/** Instants across two years, a third of them within six hours of a transition. */
export const instant = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: FROM, max: TO }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -6 * HOUR, max: 6 * HOUR })).map(([t, offset]) => t + offset) },
);

