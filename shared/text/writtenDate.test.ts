import { describe, expect, it } from 'vitest';
import { formatClock } from './formatClock';
import { formatWrittenDate } from './writtenDate';

const FIRST = Date.UTC(2027, 0, 1, 15, 30);
const SECOND = Date.UTC(2027, 0, 2, 15, 30);
const UTC = { timeZone: 'UTC' } as const;

describe('dates as written', () => {
  it('writes the first of the month “1er” in French, as Québec does', () => {
    expect(formatWrittenDate(FIRST, 'fr-CA', { ...UTC, day: 'numeric', month: 'short' })).toBe('1er janv.');
    expect(formatWrittenDate(FIRST, 'fr-CA', { ...UTC, dateStyle: 'long' })).toBe('1er janvier 2027');
    expect(formatWrittenDate(FIRST, 'fr-CA', { ...UTC, weekday: 'long', day: 'numeric', month: 'long' })).toBe('vendredi 1er janvier');
    expect(formatClock(FIRST, 'fr-CA', { ...UTC, year: 'numeric', month: 'short', day: 'numeric' })).toBe('1er janv. 2027, 15 h 30');
  });

  it('leaves other days, and English, as Intl writes them', () => {
    expect(formatWrittenDate(SECOND, 'fr-CA', { ...UTC, day: 'numeric', month: 'short' })).toBe('2 janv.');
    expect(formatWrittenDate(Date.UTC(2027, 0, 11), 'fr-CA', { ...UTC, day: 'numeric', month: 'short' })).toBe('11 janv.');
    expect(formatWrittenDate(Date.UTC(2027, 0, 21), 'fr-CA', { ...UTC, day: 'numeric', month: 'short' })).toBe('21 janv.');
    expect(formatWrittenDate(FIRST, 'en-CA', { ...UTC, day: 'numeric', month: 'short' })).toBe('Jan 1');
    expect(formatClock(FIRST, 'en-CA', { ...UTC, year: 'numeric', month: 'short', day: 'numeric' })).toBe('Jan 1, 2027, 3:30\u202fp.m.');
  });
});
