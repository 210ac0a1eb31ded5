import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import type { ScheduleInput } from '../testing/scheduleInput';
import { DIGEST_MAX_MS } from './sinceYouLeft';

const fx = useCoreWithAccount();
const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const nineToFive = [['09:00', '17:00']] as [string, string][];
// Toronto falls back on Sunday 2026-11-01: Friday the 30th is EDT (UTC-4), Monday the 2nd EST (UTC-5).
const weekdays: ScheduleInput = {
  timeZone: 'America/Toronto',
  weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] },
};
const FRIDAY_5PM_EDT = utc('2026-10-30T21:00:00Z');
const MONDAY_9AM_EST = utc('2026-11-02T14:00:00Z');

/** The digest at `now`; the cheap digest.isDue, asked on every start, must always agree with it. */
const digestAt = async (now: number) => {
  fx.core.now.value = now;
  const digest = await fx.core.call('digest.sinceYouLeft', {});
  expect(await fx.core.call('digest.isDue', {})).toEqual({ isDue: digest.isDue });
  return digest;
};

describe('"since you left" period', () => {
  it('starts when my shift ended, across the November time change, and opens once per return', async () => {
    await fx.core.call('duty.setSchedule', { schedule: weekdays });
    // 64 wall-clock hours from Friday 17:00 to Monday 09:00, but 65 real ones: 21:00 UTC, not 22:00.
    expect(await digestAt(MONDAY_9AM_EST + 30 * 60_000)).toMatchObject({ since: FRIDAY_5PM_EDT, sinceReason: 'offDuty', isDue: true });
    await fx.core.call('digest.dismiss', {});
    expect(await digestAt(MONDAY_9AM_EST + 2 * HOUR)).toMatchObject({ since: FRIDAY_5PM_EDT, isDue: false });
    // Off again at 17:00 EST; not due while off, due the next morning, from Monday 17:00.
    expect(await digestAt(utc('2026-11-02T23:00:00Z'))).toMatchObject({ since: utc('2026-11-02T22:00:00Z'), isDue: false });
    expect(await digestAt(utc('2026-11-03T14:05:00Z'))).toMatchObject({ since: utc('2026-11-02T22:00:00Z'), isDue: true });
  });

  it('counts "I am off now" as leaving, and a stint of work outside hours as coming back', async () => {
    await fx.core.call('duty.setSchedule', { schedule: weekdays });
    fx.core.now.value = utc('2026-10-30T19:00:00Z'); // Friday 15:00 EDT
    await fx.core.call('duty.override', { kind: 'off' });
    expect(await digestAt(MONDAY_9AM_EST + 60_000)).toMatchObject({ since: utc('2026-10-30T19:00:00Z'), sinceReason: 'offDuty', isDue: true });

    fx.core.now.value = utc('2026-10-31T14:00:00Z'); // Saturday 10:00 EDT: working for the rest of the day (12 hours at most)
    await fx.core.call('duty.override', { kind: 'working' });
    expect(await digestAt(MONDAY_9AM_EST + 60_000)).toMatchObject({ since: utc('2026-10-31T14:00:00Z') + 12 * HOUR, isDue: true });
  });

  it('with no hours set, runs from when I last closed it, 14 days back at most, and never opens by itself', async () => {
    expect(await digestAt(MONDAY_9AM_EST)).toMatchObject({ since: MONDAY_9AM_EST - DIGEST_MAX_MS, sinceReason: 'cap', isDue: false });
    await fx.core.call('digest.dismiss', {});
    expect(await digestAt(MONDAY_9AM_EST + 3 * HOUR)).toMatchObject({ since: MONDAY_9AM_EST, sinceReason: 'lastRead', isDue: false });
    expect(await digestAt(MONDAY_9AM_EST + DIGEST_MAX_MS + HOUR)).toMatchObject({ since: MONDAY_9AM_EST + HOUR, sinceReason: 'cap' });
  });

  it('caps a three-week vacation at 14 days, still due on return', async () => {
    await fx.core.call('duty.setSchedule', { schedule: { ...weekdays, exceptions: [{ from: '2026-10-12', to: '2026-10-30', ranges: [] }] } });
    const now = MONDAY_9AM_EST + HOUR;
    expect(await digestAt(now)).toMatchObject({ since: now - DIGEST_MAX_MS, sinceReason: 'cap', isDue: true });
  });

  it('answers from inside an off period (peeking) without opening by itself', async () => {
    await fx.core.call('duty.setSchedule', { schedule: weekdays });
    expect(await digestAt(utc('2026-10-31T16:00:00Z'))).toMatchObject({ since: FRIDAY_5PM_EDT, sinceReason: 'offDuty', isDue: false });
  });
});
