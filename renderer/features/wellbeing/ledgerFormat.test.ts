import { describe, expect, it } from 'vitest';
import type { Ledger, LedgerPeriod } from '../../../shared/api/wellbeing';
import { dayLabel, dayRows, durationTicks, formatDuration, HOUR_MS, longDayLabel, weekLabel, weekRows } from './ledgerFormat';

// The wording is ICU's (it differs between Node and Chromium); the numbers and the units are ours.
const unit = (value: number, name: string, locale: string) => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);

describe('ledger formatting', () => {
  it('writes durations in hours and minutes, to the nearest minute, in the UI locale', () => {
    expect(formatDuration(0, 'en-CA')).toBe(unit(0, 'minute', 'en-CA'));
    expect(formatDuration(44.6 * 60_000, 'fr-CA')).toBe(unit(45, 'minute', 'fr-CA'));
    expect(formatDuration(2 * HOUR_MS, 'en-CA')).toBe(unit(2, 'hour', 'en-CA'));
    expect(formatDuration(59.6 * 60_000, 'en-CA')).toBe(unit(1, 'hour', 'en-CA'));
    expect(formatDuration(2 * HOUR_MS + 5 * 60_000, 'fr-CA')).toBe(`${unit(2, 'hour', 'fr-CA')} ${unit(5, 'minute', 'fr-CA')}`);
  });

  it.each([
    { max: 0, ticks: [0, 5, 10, 15] },
    { max: 7, ticks: [0, 5, 10, 15] },
    { max: 50, ticks: [0, 15, 30, 45, 60] },
    { max: 60, ticks: [0, 15, 30, 45, 60] },
    { max: 3 * 60, ticks: [0, 60, 120, 180] },
    { max: 3 * 60 + 1, ticks: [0, 60, 120, 180, 240] },
    { max: 30 * 60, ticks: [0, 12 * 60, 24 * 60, 36 * 60] },
    { max: 200 * 60, ticks: [0, 72 * 60, 144 * 60, 216 * 60] },
  ])('puts a time axis whose highest bar is $max min at human steps: $ticks (min)', ({ max, ticks }) => {
    expect(durationTicks(max * 60_000)).toEqual(ticks.map((minutes) => minutes * 60_000));
  });

  it('labels each tick of a time axis once, in the interface’s units', () => {
    for (const locale of ['en-CA', 'fr-CA']) {
      for (const max of [0, 7, 50, 3 * 60, 30 * 60]) {
        const labels = durationTicks(max * 60_000).map((ms) => formatDuration(ms, locale));
        expect(new Set(labels).size).toBe(labels.length);
      }
    }
    expect(durationTicks(50 * 60_000).map((ms) => formatDuration(ms, 'fr-CA'))).toEqual([unit(0, 'minute', 'fr-CA'), unit(15, 'minute', 'fr-CA'), unit(30, 'minute', 'fr-CA'), unit(45, 'minute', 'fr-CA'), unit(1, 'hour', 'fr-CA')]);
  });

  it('labels a ledger date as that calendar date whatever this machine’s zone', () => {
    // 2026-11-01 is a Sunday; 2026-11-02 a Monday.
    expect(dayLabel('2026-11-01', 'en-CA')).toMatch(/^Sun\b.*\b1$/);
    expect(longDayLabel('2026-11-02', 'fr-CA')).toMatch(/^lundi 2 novembre$/);
    expect(weekLabel('2026-11-02', 'en-CA')).toMatch(/^Nov\.? 2$/);
  });

  it('turns the ledger into chart rows, in hours, oldest first', () => {
    const period = (date: string, figures: Partial<LedgerPeriod>): LedgerPeriod => ({
      date, startsAt: 0, endsAt: 0, onDutyMs: 0, offDutyMs: 0, peeks: 0, peekMs: 0, offDutyReplies: 0, longestSessionMs: 0, breaks: 0, hostileRevealed: 0, ...figures,
    });
    const ledger: Ledger = {
      timeZone: 'America/Toronto',
      days: [period('2026-11-01', { onDutyMs: 1.5 * HOUR_MS, offDutyMs: 0.25 * HOUR_MS, hostileRevealed: 3 }), period('2026-11-02', {})],
      weeks: [period('2026-10-26', { peeks: 2, offDutyReplies: 1 })],
    };
    expect(dayRows(ledger, 'en-CA').map(({ label: _label, ...row }) => row)).toEqual([
      { date: '2026-11-01', onDutyHours: 1.5, offDutyHours: 0.25, hostileRevealed: 3 },
      { date: '2026-11-02', onDutyHours: 0, offDutyHours: 0, hostileRevealed: 0 },
    ]);
    expect(weekRows(ledger, 'en-CA')).toEqual([{ date: '2026-10-26', label: weekLabel('2026-10-26', 'en-CA'), peeks: 2, offDutyReplies: 1 }]);
  });
});
