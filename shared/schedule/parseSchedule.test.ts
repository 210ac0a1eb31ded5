import { describe, expect, it } from 'vitest';
import { parseSchedule, ScheduleError } from './index';

const week = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('parseSchedule', () => {
  it('accepts the documented example, overnight ranges, 24:00 and exceptions', () => {
    const schedule = parseSchedule({
      timeZone: 'America/Toronto',
      weekly: { ...week, mon: [['09:00', '12:00'], ['13:00', '17:00']], sun: [['22:00', '02:00']], sat: [['18:00', '24:00']] },
      exceptions: [
        { date: '2026-12-25', ranges: [] },
        { from: '2027-07-01', to: '2027-07-14', ranges: [] },
        { date: '2026-12-24', ranges: [['09:00', '12:00']] },
      ],
    });
    expect(schedule.weekly.sun).toEqual([['22:00', '02:00']]);
    expect(schedule.exceptions).toHaveLength(3);
  });

  it.each([
    [{ timeZone: 'America/Montréal', weekly: week }, 'timeZone: is not an IANA time zone'],
    [{ timeZone: 'UTC', weekly: { ...week, tue: [['25:00', '26:00']] } }, 'weekly.tue.0.0: must be a time from 00:00 to 23:59'],
    [{ timeZone: 'UTC', weekly: { ...week, tue: [['24:00', '02:00']] } }, 'weekly.tue.0.0: must be a time from 00:00 to 23:59'],
    [{ timeZone: 'UTC', weekly: { ...week, wed: [['09:00', '12:00'], ['11:30', '13:00']] } }, 'weekly.wed.1: ranges 09:00–12:00 and 11:30–13:00 overlap'],
    [{ timeZone: 'UTC', weekly: { ...week, fri: [['22:00', '02:00'], ['23:00', '23:30']] } }, 'weekly.fri.1: ranges 22:00–02:00 and 23:00–23:30 overlap'],
    [{ timeZone: 'UTC', weekly: week, exceptions: [{ from: '2027-01-10', to: '2027-01-02', ranges: [] }] }, 'exceptions.0.to: must not be before from'],
    [{ timeZone: 'UTC', weekly: week, exceptions: [{ date: '2027-02-30', ranges: [] }] }, 'exceptions.0.date: is not a real date'],
    [{ timeZone: 'UTC', weekly: { ...week, thu: undefined } }, 'weekly.thu:'],
  ])('refuses %j naming the field', (json, message) => {
    expect(() => parseSchedule(json)).toThrow(ScheduleError);
    expect(() => parseSchedule(json)).toThrow(message);
  });
});
