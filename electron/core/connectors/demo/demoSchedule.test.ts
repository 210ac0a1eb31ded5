import { describe, expect, it } from 'vitest';
import { NEVER, demoSchedule } from './demoSchedule';

const options = { seed: 4, platform: 'x' as const, startedAt: 1_760_000_000_000, backlogCount: 500, backlogWindowMs: 86_400_000, ratePerMinute: 3 };

describe('demoSchedule', () => {
  it('spreads the backlog over its window, then paces live items, never going backwards', () => {
    const times = demoSchedule(options);
    const all = Array.from({ length: 800 }, (_, index) => times(index));
    all.slice(1).forEach((time, index) => expect(time).toBeGreaterThanOrEqual(all[index] ?? 0));
    for (const time of all.slice(0, 500)) expect(time).toBeGreaterThanOrEqual(options.startedAt - options.backlogWindowMs);
    expect(all[499]).toBeLessThan(options.startedAt);
    expect(all[500]).toBeGreaterThanOrEqual(options.startedAt);
    // 300 live items at 3 a minute take 100 minutes, give or take one slot of jitter.
    expect(Math.abs((all[799] ?? 0) - options.startedAt - 100 * 60_000)).toBeLessThan(20_000);
    expect(new Set(all.map((time) => time % 1000)).size).toBeGreaterThan(50);
  });

  it('stays at or after the epoch for a clock that starts near it', () => {
    const times = demoSchedule({ ...options, startedAt: 1_000 });
    expect(times(0)).toBe(0);
    expect(times(499)).toBeLessThan(1_000);
  });

  it('schedules no live item when the rate is 0', () => {
    expect(demoSchedule({ ...options, ratePerMinute: 0 })(500)).toBe(NEVER);
  });
});
