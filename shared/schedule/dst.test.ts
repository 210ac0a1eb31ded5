import { describe, expect, it } from 'vitest';
import { isOnDuty, nextOffDuty, nextOnDuty, onDutyMsBetween, parseSchedule, whoIsOnDuty } from './index';

const week = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const schedule = (timeZone: string, weekly: object, exceptions: object[] = []) => parseSchedule({ timeZone, weekly: { ...week, ...weekly }, exceptions });
const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('DST and zones', () => {
  it('moves a start inside the spring-forward gap forward by the gap (Toronto, 2026-03-08)', () => {
    const s = schedule('America/Toronto', { sun: [['02:30', '05:00']] });
    // 02:30 does not exist; it becomes 03:30 EDT = 07:30 UTC.
    expect(nextOnDuty(s, utc('2026-03-08T05:00:00Z'))).toBe(utc('2026-03-08T07:30:00Z'));
    expect(onDutyMsBetween(s, utc('2026-03-08T00:00:00Z'), utc('2026-03-09T00:00:00Z'))).toBe(1.5 * HOUR);
  });

  it('takes the earlier instant for an ambiguous fall-back time (Toronto, 2026-11-01)', () => {
    const s = schedule('America/Toronto', { sun: [['01:30', '03:00']] });
    // 01:30 happens twice; the earlier is 01:30 EDT = 05:30 UTC. 03:00 EST = 08:00 UTC.
    expect(nextOnDuty(s, utc('2026-11-01T00:00:00Z'))).toBe(utc('2026-11-01T05:30:00Z'));
    expect(onDutyMsBetween(s, utc('2026-11-01T00:00:00Z'), utc('2026-11-02T00:00:00Z'))).toBe(2.5 * HOUR);
  });

  it('shortens or lengthens an overnight range across DST', () => {
    const s = schedule('Europe/Paris', { sat: [['22:00', '06:00']] });
    // Paris springs forward on 2026-03-29 and falls back on 2026-10-25.
    expect(onDutyMsBetween(s, utc('2026-03-28T12:00:00Z'), utc('2026-03-29T12:00:00Z'))).toBe(7 * HOUR);
    expect(onDutyMsBetween(s, utc('2026-10-24T12:00:00Z'), utc('2026-10-25T12:00:00Z'))).toBe(9 * HOUR);
    expect(onDutyMsBetween(s, utc('2026-06-06T12:00:00Z'), utc('2026-06-07T12:00:00Z'))).toBe(8 * HOUR);
  });

  it('handles the half-hour DST of Lord Howe Island and the quarter-hour offsets of Chatham and St. John’s', () => {
    // Lord Howe moves from +10:30 to +11:00 at 02:00 on 2026-10-04: 02:00–02:30 does not exist.
    const lordHowe = schedule('Australia/Lord_Howe', { sun: [['01:00', '04:00']] });
    expect(onDutyMsBetween(lordHowe, utc('2026-10-03T12:00:00Z'), utc('2026-10-04T12:00:00Z'))).toBe(2.5 * HOUR);
    const chatham = schedule('Pacific/Chatham', { mon: [['09:00', '17:00']] });
    // Winter in the Chathams is +12:45: Monday 09:00 is Sunday 20:15 UTC.
    expect(nextOnDuty(chatham, utc('2026-06-14T00:00:00Z'))).toBe(utc('2026-06-14T20:15:00Z'));
    const stJohns = schedule('America/St_Johns', { mon: [['09:00', '17:00']] });
    expect(nextOnDuty(stJohns, utc('2026-01-05T00:00:00Z'))).toBe(utc('2026-01-05T12:30:00Z'));
    const kolkata = schedule('Asia/Kolkata', { mon: [['09:00', '17:00']] });
    expect(isOnDuty(kolkata, utc('2026-01-05T03:30:00Z'))).toBe(true);
    expect(isOnDuty(kolkata, utc('2026-01-05T03:29:59Z'))).toBe(false);
  });

  it('lets exceptions replace a day, across the year end', () => {
    const s = schedule('America/Toronto', { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] }, [
      { from: '2026-12-24', to: '2027-01-04', ranges: [] },
      { date: '2026-12-30', ranges: [['10:00', '12:00']] },
    ]);
    expect(onDutyMsBetween(s, utc('2026-12-23T00:00:00Z'), utc('2027-01-06T00:00:00Z'))).toBe(8 * HOUR + 2 * HOUR + 8 * HOUR);
    expect(nextOnDuty(s, utc('2026-12-31T00:00:00Z'))).toBe(utc('2027-01-05T14:00:00Z'));
  });

  it('chains back-to-back ranges and answers null past 400 days', () => {
    const s = schedule('UTC', { sun: [['22:00', '24:00']], mon: [['00:00', '02:00']] });
    expect(nextOffDuty(s, utc('2026-01-04T23:00:00Z'))).toBe(utc('2026-01-05T02:00:00Z'));
    const never = schedule('UTC', {});
    expect(nextOnDuty(never, 0)).toBeNull();
    const always = schedule('UTC', Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['00:00', '24:00']]])));
    expect(nextOffDuty(always, 0)).toBeNull();
    expect(nextOffDuty(never, 5)).toBe(5);
    expect(whoIsOnDuty([{ id: 'ana', schedule: always }, { id: 'ben', schedule: never }], 0)).toEqual(['ana']);
  });

  it('keeps a night range (22:00–02:00, typed "22h-2h") with the day it starts on, across midnight, the week’s end and both DST changes (Toronto)', () => {
    const s = schedule('America/Toronto', { sat: [['22:00', '02:00']], sun: [['09:00', '12:00']] });
    // Saturday 2026-06-06 22:00 EDT = 02:00 UTC Sunday; Sunday 01:59 EDT is still Saturday's range.
    expect(isOnDuty(s, utc('2026-06-07T05:59:00Z'))).toBe(true);
    expect(isOnDuty(s, utc('2026-06-07T06:00:00Z'))).toBe(false);
    expect(nextOffDuty(s, utc('2026-06-07T03:00:00Z'))).toBe(utc('2026-06-07T06:00:00Z'));
    expect(nextOnDuty(s, utc('2026-06-07T06:00:00Z'))).toBe(utc('2026-06-07T13:00:00Z'));
    // Spring forward on Sunday 2026-03-08: 02:00 never comes, the end moves forward by the gap to 03:00 EDT.
    // 22:00 EST (03:00 UTC) to 03:00 EDT (07:00 UTC): 4 hours.
    expect(onDutyMsBetween(s, utc('2026-03-07T12:00:00Z'), utc('2026-03-08T12:00:00Z'))).toBe(4 * HOUR);
    // Fall back on Sunday 2026-11-01: 02:00 comes once, after 01:00 came twice: 22:00 EDT (02:00 UTC) to 02:00 EST (07:00 UTC), 5 hours.
    expect(onDutyMsBetween(s, utc('2026-10-31T12:00:00Z'), utc('2026-11-01T12:00:00Z'))).toBe(5 * HOUR);
    expect(nextOffDuty(s, utc('2026-11-01T05:30:00Z'))).toBe(utc('2026-11-01T07:00:00Z'));
  });
});
