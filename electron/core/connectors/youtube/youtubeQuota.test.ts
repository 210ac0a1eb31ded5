import { describe, expect, it } from 'vitest';
import { memoryUsageMeter } from '../../accounts/usageMeter';
import { DAILY_QUOTA_UNITS, nextPacificMidnight, pacificDay, YoutubeQuota } from './youtubeQuota';

describe('YouTube quota per Pacific day', () => {
  it('names the Pacific day and its next midnight, daylight saving included', () => {
    // 07:30 UTC on Dec 5 is still Dec 4 in Los Angeles (PST, UTC-8).
    expect(pacificDay(Date.parse('2026-12-05T07:30:00Z'))).toBe('2026-12-04');
    expect(pacificDay(Date.parse('2026-12-05T08:00:00Z'))).toBe('2026-12-05');
    expect(new Date(nextPacificMidnight(Date.parse('2026-12-05T07:30:00Z'))).toISOString()).toBe('2026-12-05T08:00:00.000Z');
    // In July it is PDT, UTC-7.
    expect(new Date(nextPacificMidnight(Date.parse('2026-07-01T12:00:00Z'))).toISOString()).toBe('2026-07-02T07:00:00.000Z');
    // The night the clocks go back (Nov 1, 2026) the day is 25 hours long.
    expect(new Date(nextPacificMidnight(Date.parse('2026-11-01T08:00:00Z'))).toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });

  it('polls freely below 80%, one pass in four past it, never into the ten replies’ reserve; writes go on until the quota is spent', () => {
    const clock = { now: Date.parse('2026-12-05T18:00:00Z') };
    const usage = memoryUsageMeter();
    const quota = new YoutubeQuota(usage, () => clock.now);
    quota.charge(7_999);
    expect([quota.mayPoll(2), quota.budget()]).toEqual([true, { unit: 'quota_units', used: 7_999, limit: DAILY_QUOTA_UNITS, resetsAt: Date.parse('2026-12-06T08:00:00Z'), isSlowed: false }]);
    quota.charge(1);
    expect(quota.budget().isSlowed).toBe(true);
    expect([quota.mayPoll(2), quota.mayPoll(2), quota.mayPoll(2), quota.mayPoll(2), quota.mayPoll(2)]).toEqual([false, false, false, true, false]);
    quota.charge(9_499 - 8_000);
    // 9,499 + 2 would leave less than 500 units, ten replies' worth.
    expect(quota.mayPoll(2)).toBe(false);
    expect(() => quota.ensureWrite()).not.toThrow();
    quota.charge(DAILY_QUOTA_UNITS - 9_499 - 10);
    expect(() => quota.ensureWrite()).toThrow(expect.objectContaining({ kind: 'rate_limited', retryAfterMs: Date.parse('2026-12-06T08:00:00Z') - clock.now }));
    // A new Pacific day starts from nothing: the meter counts per day.
    clock.now = Date.parse('2026-12-06T08:00:01Z');
    expect([quota.used(), quota.mayPoll(2)]).toEqual([0, true]);
    expect([...usage.periods.keys()]).toEqual(['2026-12-05']);
  });
});
