import { describe, expect, it } from 'vitest';
import { me } from '../duty/people';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import type { ScheduleInput } from '../testing/scheduleInput';
import { lastOffPeriod } from './lastOffPeriod';

const fx = useCoreWithAccount();
const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const none: [string, string][] = [];
const week = (ranges: [string, string][], weekend = none): ScheduleInput['weekly'] => ({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: weekend, sun: weekend });

/** My last off period at `now` (two weeks back at most), with my schedule set first. */
async function offAt(schedule: ScheduleInput | null, now: number) {
  await fx.core.call('duty.setSchedule', { schedule });
  fx.core.now.value = now;
  const { db } = fx.core.context;
  return lastOffPeriod(db, me(db, now), now - 14 * DAY, now);
}

// The computer runs in UTC (as the test process does); the person works in Toronto.
describe('the last off period, the start of "Since you left"', () => {
  it('starts when the shift ended in the schedule’s zone, not the computer’s, even minutes after', async () => {
    // Thursday 2026-11-05, 17:00 EST is 22:00 UTC: ten minutes later, that is where it starts.
    expect(await offAt({ timeZone: 'America/Toronto', weekly: week([['09:00', '17:00']]) }, utc('2026-11-05T22:10:00Z'))).toEqual({
      from: utc('2026-11-05T22:00:00Z'),
      until: null,
      isCapped: false,
    });
  });

  it('takes a break as time away: back from lunch, it ran from noon to one', async () => {
    const split: ScheduleInput = { timeZone: 'America/Toronto', weekly: week([['09:00', '12:00'], ['13:00', '17:00']]) };
    expect(await offAt(split, utc('2026-11-05T18:30:00Z'))).toEqual({ from: utc('2026-11-05T17:00:00Z'), until: utc('2026-11-05T18:00:00Z'), isCapped: false });
  });

  it('follows an overnight shift past midnight, with no gap at midnight', async () => {
    const nights: ScheduleInput = { timeZone: 'America/Toronto', weekly: week([['22:00', '02:00']]) };
    // Tuesday 23:30 EST: on since 22:00; the last time off ended at 22:00 and began at 02:00 that morning.
    expect(await offAt(nights, utc('2026-11-04T04:30:00Z'))).toEqual({ from: utc('2026-11-03T07:00:00Z'), until: utc('2026-11-04T03:00:00Z'), isCapped: false });
  });

  it('counts “I’m off now” from the moment it was asked, before the shift’s end', async () => {
    await fx.core.call('duty.setSchedule', { schedule: { timeZone: 'America/Toronto', weekly: week([['09:00', '17:00']]) } });
    fx.core.now.value = utc('2026-11-05T19:00:00Z'); // Thursday 14:00 EST
    await fx.core.call('duty.override', { kind: 'off' });
    const { db } = fx.core.context;
    const now = utc('2026-11-06T14:30:00Z'); // Friday 09:30
    expect(lastOffPeriod(db, me(db, now), now - 14 * DAY, now)).toEqual({ from: utc('2026-11-05T19:00:00Z'), until: utc('2026-11-06T14:00:00Z'), isCapped: false });
  });

  it('counts real hours across the time change: Friday 17:00 EDT to Monday 09:00 EST', async () => {
    expect(await offAt({ timeZone: 'America/Toronto', weekly: week([['09:00', '17:00']]) }, utc('2026-11-02T14:05:00Z'))).toEqual({
      from: utc('2026-10-30T21:00:00Z'),
      until: utc('2026-11-02T14:00:00Z'),
      isCapped: false,
    });
  });

  it('has none for someone never off: no hours set, or on around the clock', async () => {
    expect(await offAt(null, utc('2026-11-05T22:10:00Z'))).toBeNull();
    expect(await offAt({ timeZone: 'America/Toronto', weekly: week([['00:00', '24:00']], [['00:00', '24:00']]) }, utc('2026-11-05T22:10:00Z'))).toBeNull();
  });
});
