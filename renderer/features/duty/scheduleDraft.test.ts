import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../shared/schedule';
import { draftOf, officeHoursDraft, openDaysOf, scheduleOf } from './scheduleDraft';

const stored = parseSchedule({
  timeZone: 'Europe/Paris',
  weekly: { mon: [['09:00', '12:00'], ['13:00', '17:30']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [['22:00', '02:00']] },
  exceptions: [{ date: '2026-12-24', ranges: [['09:00', '12:00']] }, { from: '2026-12-25', to: '2027-01-02', ranges: [] }],
});

describe('schedule drafts', () => {
  it('show a stored schedule as each language writes times, and write it back unchanged, single-day exceptions kept', () => {
    const draft = draftOf(stored, 'fr-CA');
    expect(draft.week.mon).toBe('9 h – 12 h, 13 h – 17 h 30');
    expect(draft.week.tue).toBe('');
    expect(draftOf(stored, 'en-US').week.sun).toBe('10:00\u202fPM – 2:00\u202fAM');
    expect(draft.daysOff).toEqual([{ from: '2026-12-25', to: '2027-01-02', ranges: [] }]);
    expect(scheduleOf(draft)).toEqual({ schedule: stored });
    expect(scheduleOf(draftOf(stored, 'en-CA'))).toEqual({ schedule: stored });
  });

  it('say what is wrong with each day that is not written as ranges', () => {
    const draft = draftOf(stored, 'fr-CA');
    expect(scheduleOf({ ...draft, week: { ...draft.week, wed: '9h à 17h', fri: 'midi', sat: '25h-26h' } })).toEqual({
      problems: { fri: { kind: 'notARange', text: 'midi' }, sat: { kind: 'notATime', text: '25h' } },
    });
  });

  it('start new hours on office hours, Monday to Friday, written in the interface’s language', () => {
    const draft = officeHoursDraft('fr-CA', 'America/Toronto');
    expect(draft.week.mon).toBe('9 h – 17 h');
    expect(draft.week.sat).toBe('');
    const result = scheduleOf(draft);
    if (!('schedule' in result)) throw new Error('office hours should be a schedule');
    expect(result.schedule.weekly.fri).toEqual([['09:00', '17:00']]);
    expect(result.schedule.timeZone).toBe('America/Toronto');
    expect(openDaysOf(result.schedule)).toBe(5);
    expect(openDaysOf(stored)).toBe(2);
  });
});
