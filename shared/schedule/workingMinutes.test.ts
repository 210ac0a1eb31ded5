import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, isOnDuty, onDutyMsBetween, parseSchedule, workingMinutesBetween } from './index';
import { DAY, instant, schedule as anySchedule } from './testing/arbitraries';

const week = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const nineToFive = [['09:00', '17:00']];
const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
const schedule = (timeZone: string, weekly: object, exceptions: object[] = []) => parseSchedule({ timeZone, weekly: { ...week, ...weekly }, exceptions });
const utc = (iso: string) => Date.parse(iso);
const HOUR_MINUTES = 60;

describe('working minutes across DST, nights and holidays', () => {
  it('counts plain minutes without a schedule', () => {
    expect(addWorkingMinutes(null, utc('2026-03-08T06:00:00Z'), 90)).toBe(utc('2026-03-08T07:30:00Z'));
    expect(workingMinutesBetween(null, utc('2026-03-08T06:00:00Z'), utc('2026-03-08T07:30:00Z'))).toBe(90);
  });

  it('carries a Friday-afternoon wait over the weekend into Monday, on both sides of the spring-forward (Toronto 2026-03-08, Paris 2026-03-29)', () => {
    // Friday 16:30 EST (21:30Z) + 60 working minutes = Monday 09:30 EDT (13:30Z), not 14:30Z.
    const toronto = schedule('America/Toronto', weekdays);
    expect(addWorkingMinutes(toronto, utc('2026-03-06T21:30:00Z'), 60)).toBe(utc('2026-03-09T13:30:00Z'));
    // Friday 16:30 CET (15:30Z) + 60 = Monday 09:30 CEST (07:30Z).
    const paris = schedule('Europe/Paris', weekdays);
    expect(addWorkingMinutes(paris, utc('2026-03-27T15:30:00Z'), 60)).toBe(utc('2026-03-30T07:30:00Z'));
  });

  it('does the same on both sides of the fall-back (Toronto 2026-11-01, Paris 2026-10-25)', () => {
    const toronto = schedule('America/Toronto', weekdays);
    // Friday 16:30 EDT (20:30Z) + 60 = Monday 09:30 EST (14:30Z).
    expect(addWorkingMinutes(toronto, utc('2026-10-30T20:30:00Z'), 60)).toBe(utc('2026-11-02T14:30:00Z'));
    const paris = schedule('Europe/Paris', weekdays);
    // Friday 16:30 CEST (14:30Z) + 60 = Monday 09:30 CET (08:30Z).
    expect(addWorkingMinutes(paris, utc('2026-10-23T14:30:00Z'), 60)).toBe(utc('2026-10-26T08:30:00Z'));
  });

  it('gives a night range across the clock change the hours it really has (Toronto, 22:00–06:00 on Saturday)', () => {
    const night = schedule('America/Toronto', { sat: [['22:00', '06:00']] });
    // Spring: 22:00 EST (03:00Z) to 06:00 EDT (10:00Z) is 7 hours; the 8th is the next Saturday's first.
    expect(addWorkingMinutes(night, utc('2026-03-07T12:00:00Z'), 7 * HOUR_MINUTES)).toBe(utc('2026-03-08T10:00:00Z'));
    expect(addWorkingMinutes(night, utc('2026-03-07T12:00:00Z'), 8 * HOUR_MINUTES)).toBe(utc('2026-03-15T03:00:00Z'));
    // Fall: 22:00 EDT (02:00Z) to 06:00 EST (11:00Z) is 9 hours.
    expect(addWorkingMinutes(night, utc('2026-10-31T12:00:00Z'), 9 * HOUR_MINUTES)).toBe(utc('2026-11-01T11:00:00Z'));
    expect(workingMinutesBetween(night, utc('2026-10-31T12:00:00Z'), utc('2026-11-01T12:00:00Z'))).toBe(9 * HOUR_MINUTES);
  });

  it('counts 23 and 25 hours in a whole Paris Sunday when the clocks change', () => {
    const sundays = schedule('Europe/Paris', { sun: [['00:00', '24:00']] });
    expect(workingMinutesBetween(sundays, utc('2026-03-28T12:00:00Z'), utc('2026-03-30T12:00:00Z'))).toBe(23 * HOUR_MINUTES);
    expect(workingMinutesBetween(sundays, utc('2026-10-24T12:00:00Z'), utc('2026-10-26T12:00:00Z'))).toBe(25 * HOUR_MINUTES);
    // The whole fall-back Sunday: from 00:00 CEST (22:00Z Saturday) to 24:00 CET (23:00Z Sunday).
    expect(addWorkingMinutes(sundays, utc('2026-10-24T12:00:00Z'), 25 * HOUR_MINUTES)).toBe(utc('2026-10-25T23:00:00Z'));
  });

  it('skips holidays and counts a shortened day', () => {
    const withHolidays = schedule('America/Toronto', weekdays, [
      { from: '2026-12-24', to: '2027-01-04', ranges: [] },
      { date: '2026-12-23', ranges: [['09:00', '12:00']] },
    ]);
    // Wednesday 23 December closes at noon (17:00Z); two hours asked at 11:00 EST: one that day, one on 5 January from 09:00.
    expect(addWorkingMinutes(withHolidays, utc('2026-12-23T16:00:00Z'), 120)).toBe(utc('2027-01-05T15:00:00Z'));
    expect(workingMinutesBetween(withHolidays, utc('2026-12-23T16:00:00Z'), utc('2027-01-05T15:00:00Z'))).toBe(120);
  });

  it('answers null when the schedule never opens again', () => {
    expect(addWorkingMinutes(schedule('UTC', {}), 0, 1)).toBeNull();
    const closesForGood = schedule('UTC', weekdays, [{ from: '2026-01-01', to: '2027-12-31', ranges: [] }]);
    expect(addWorkingMinutes(closesForGood, utc('2026-01-01T00:00:00Z'), 1)).toBeNull();
  });

  it('property: the working minutes between `from` and addWorkingMinutes(from, n) are n, and that instant is the first one', () => {
    // fast-check prints the seed and path of a failure: pass them to fc.assert to replay it.
    fc.assert(
      fc.property(anySchedule, instant, fc.integer({ min: 1, max: 10_080 }), (s, from, minutes) => {
        const due = addWorkingMinutes(s, from, minutes);
        if (due === null) {
          expect(onDutyMsBetween(s, from, from + 400 * DAY)).toBeLessThan(minutes * 60_000);
          return;
        }
        expect(workingMinutesBetween(s, from, due)).toBe(minutes);
        expect(onDutyMsBetween(s, from, due)).toBe(minutes * 60_000);
        // The last minute counted ends at `due`: on duty just before it.
        expect(isOnDuty(s, due - 1)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
