import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRanges, formatTimeOfDay } from './rangesFormat';
import { parseRangesText, type RangesReading } from './rangesNotation';
import { parseSchedule, type TimeRange } from './scheduleSchema';

const ranges = (...list: TimeRange[]): RangesReading => ({ ranges: list, merged: [] });

describe('ranges as people write them', () => {
  it.each<[string, RangesReading]>([
    ['', ranges()],
    ['   ', ranges()],
    ['9h-17h', ranges(['09:00', '17:00'])],
    ['9 h à 17 h', ranges(['09:00', '17:00'])],
    ['9h a 17h', ranges(['09:00', '17:00'])],
    ['9h30-12h', ranges(['09:30', '12:00'])],
    ['13 h – 17 h 30', ranges(['13:00', '17:30'])],
    ['13 h — 17 h 30', ranges(['13:00', '17:30'])],
    ['9:00-17:00', ranges(['09:00', '17:00'])],
    ['09:00 to 17:00', ranges(['09:00', '17:00'])],
    ['9-17', ranges(['09:00', '17:00'])],
    ['9am-5pm', ranges(['09:00', '17:00'])],
    ['9 a.m. – 5 p.m.', ranges(['09:00', '17:00'])],
    ['9:30 AM to 12:00 PM', ranges(['09:30', '12:00'])],
    ['9-5pm', ranges(['09:00', '17:00'])],
    ['1-5 p.m.', ranges(['13:00', '17:00'])],
    ['12 p.m. – 12 a.m.', ranges(['12:00', '24:00'])],
    ['22h-2h', ranges(['22:00', '02:00'])],
    ['18 h – 6 h', ranges(['18:00', '06:00'])],
    ['22h-0h', ranges(['22:00', '24:00'])],
    ['0h-24h', ranges(['00:00', '24:00'])],
    ['midi à 17 h', ranges(['12:00', '17:00'])],
    ['9h-12h, 13h-17h', ranges(['09:00', '12:00'], ['13:00', '17:00'])],
    ['9h-12h; 13h-17h', ranges(['09:00', '12:00'], ['13:00', '17:00'])],
    ['9h-12h et 13h-17h', ranges(['09:00', '12:00'], ['13:00', '17:00'])],
    ['9am-12pm and 1pm-5pm', ranges(['09:00', '12:00'], ['13:00', '17:00'])],
    ['13h-17h, 9h-12h', ranges(['09:00', '12:00'], ['13:00', '17:00'])],
    ['9h-12h, 12h-17h', ranges(['09:00', '12:00'], ['12:00', '17:00'])],
    // Intl's own output, with its narrow no-break spaces, reads back.
    ['9:00\u202fa.m. – 5:00\u202fp.m.', ranges(['09:00', '17:00'])],
  ])('reads %j', (text, expected) => {
    expect(parseRangesText(text)).toEqual(expected);
  });

  it.each<[string, TimeRange[], TimeRange[]]>([
    ['9h-12h, 11h-17h', [['09:00', '17:00']], [['09:00', '17:00']]],
    ['9h-17h, 10h-11h, 20h-22h', [['09:00', '17:00'], ['20:00', '22:00']], [['09:00', '17:00']]],
    ['22h-2h, 23h-3h', [['22:00', '03:00']], [['22:00', '03:00']]],
  ])('merges the overlapping ranges of %j and says which', (text, merged, notes) => {
    expect(parseRangesText(text)).toEqual({ ranges: merged, merged: notes });
  });

  it.each<[string, RangesReading]>([
    ['25h-26h', { problem: { kind: 'notATime', text: '25h' } }],
    ['9h-25h', { problem: { kind: 'notATime', text: '25h' } }],
    ['9h75-12h', { problem: { kind: 'notATime', text: '9h75' } }],
    ['13pm-5pm', { problem: { kind: 'notATime', text: '13pm' } }],
    ['24h-2h', { problem: { kind: 'notATime', text: '24h' } }],
    ['9h à lunch', { problem: { kind: 'notATime', text: 'lunch' } }],
    ['9h', { problem: { kind: 'notARange', text: '9h' } }],
    ['9h-12h, en soirée', { problem: { kind: 'notARange', text: 'en soirée' } }],
    ['9h-12h-17h', { problem: { kind: 'notARange', text: '9h-12h-17h' } }],
    ['17h-9h', { problem: { kind: 'endBeforeStart', range: ['17:00', '09:00'] } }],
    ['9-5', { problem: { kind: 'endBeforeStart', range: ['09:00', '05:00'] } }],
    ['9h-9h', { problem: { kind: 'endBeforeStart', range: ['09:00', '09:00'] } }],
    ['0h-24h, 22h-2h', { problem: { kind: 'mergedTooLong' } }],
    ['9h-22h, 21h-2h', { problem: { kind: 'mergedTooLong' } }],
    [Array.from({ length: 13 }, (_, hour) => `${hour}h-${hour}h30`).join(', '), { problem: { kind: 'tooMany', max: 12 } }],
  ])('refuses %j, saying why', (text, expected) => {
    expect(parseRangesText(text)).toEqual(expected);
  });

  it('writes times as each interface does, by Intl', () => {
    expect(formatRanges([['09:00', '17:00']], 'fr-CA')).toBe('9 h – 17 h');
    expect(formatRanges([['09:30', '12:00'], ['13:00', '17:30']], 'fr-CA')).toBe('9 h 30 – 12 h, 13 h – 17 h 30');
    expect(formatRanges([['09:00', '17:00']], 'en-US')).toBe('9:00\u202fAM – 5:00\u202fPM');
    expect(formatRanges([['22:00', '24:00']], 'en-CA')).toBe('10:00\u202fp.m. – 12:00\u202fa.m.');
    expect(formatRanges([['09:00', '17:00']], 'en-GB')).toBe('9:00 – 17:00');
    expect(formatTimeOfDay('24:00', 'fr-CA')).toBe('0 h');
  });

  it('reads back what it wrote, in every interface language (any valid day)', () => {
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]): string => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const day = fc.array(fc.tuple(time, time), { maxLength: 4 }).map((list) => parseRangesText(list.map(([a, b]) => `${a}-${b}`).join(', ')));
    fc.assert(
      fc.property(day, fc.constantFrom('fr-CA', 'en-CA', 'en-US', 'en-GB'), (reading, locale) => {
        if ('problem' in reading) return;
        expect(parseRangesText(formatRanges(reading.ranges, locale))).toEqual({ ranges: reading.ranges, merged: [] });
        // What the parser gives, the schedule accepts.
        const week = { mon: reading.ranges, tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
        expect(() => parseSchedule({ timeZone: 'UTC', weekly: week })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
