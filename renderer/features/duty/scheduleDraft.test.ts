import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../shared/schedule';
import { draftOf, officeHoursDraft, openDaysOf, scheduleOf } from './scheduleDraft';

const stored = parseSchedule({
  timeZone: 'Europe/Paris',
  weekly: { mon: [['09:00', '12:00'], ['13:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [['22:00', '02:00']] },
  exceptions: [{ date: '2026-12-24', ranges: [['09:00', '12:00']] }, { from: '2026-12-25', to: '2027-01-02', ranges: [] }],
});

describe('schedule drafts', () => {
  it('read a stored schedule as text per day and write it back unchanged, single-day exceptions kept', () => {
    const draft = draftOf(stored);
    expect(draft.week.mon).toBe('09:00-12:00, 13:00-17:00');
    expect(draft.daysOff).toEqual([{ from: '2026-12-25', to: '2027-01-02', ranges: [] }]);
    expect(scheduleOf(draft)).toEqual({ schedule: stored });
  });

  it('name the first day that is not written as ranges', () => {
    expect(scheduleOf({ ...draftOf(stored), week: { ...draftOf(stored).week, wed: '9h à 17h', fri: 'midi' } })).toEqual({ invalidDay: 'wed' });
  });

  it('start new teammates and accounts on office hours, Monday to Friday', () => {
    const result = scheduleOf(officeHoursDraft('America/Toronto'));
    if (!('schedule' in result)) throw new Error('office hours should be a schedule');
    expect(result.schedule.weekly.fri).toEqual([['09:00', '17:00']]);
    expect(result.schedule.weekly.sat).toEqual([]);
    expect(openDaysOf(result.schedule)).toBe(5);
    expect(openDaysOf(stored)).toBe(2);
  });
});
