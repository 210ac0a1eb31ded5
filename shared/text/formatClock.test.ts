import { describe, expect, it } from 'vitest';
import { formatClock } from './formatClock';

const at = (hour: number, minute: number) => Date.UTC(2026, 11, 5, hour, minute);
const utc = { timeZone: 'UTC' } as const;

describe('times as Québec and English write them', () => {
  it('French: no leading zero on the hour, no ":00" on the hour', () => {
    expect(formatClock(at(9, 0), 'fr-CA', utc)).toBe('9 h');
    expect(formatClock(at(7, 54), 'fr-CA', utc)).toBe('7 h 54');
    expect(formatClock(at(3, 33), 'fr-CA', utc)).toBe('3 h 33');
    expect(formatClock(at(17, 0), 'fr-CA', utc)).toBe('17 h');
  });

  it('with a date before it, the time still reads the same', () => {
    expect(formatClock(at(7, 54), 'fr-CA', { ...utc, year: 'numeric', month: 'short', day: 'numeric' })).toBe('5 déc. 2026, 7 h 54');
    expect(formatClock(at(9, 0), 'fr-CA', { ...utc, weekday: 'long' })).toBe('samedi 9 h');
  });

  it('English keeps its minutes: "9:00 a.m."', () => {
    expect(formatClock(at(9, 0), 'en-CA', utc)).toBe('9:00\u202fa.m.');
    expect(formatClock(at(7, 54), 'en-CA', { ...utc, year: 'numeric', month: 'short', day: 'numeric' })).toBe('Dec 5, 2026, 7:54\u202fa.m.');
  });
});
