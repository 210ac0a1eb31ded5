import { describe, expect, it } from 'vitest';
import { resolveSendTime } from './sendTime';

const writer = { nextOnAt: null, timeZone: 'America/Toronto', undoSendMs: 10_000 };

describe('resolveSendTime', () => {
  const now = Date.parse('2026-10-31T22:30:00-04:00');

  it('holds "now" for the undo delay only', () => {
    expect(resolveSendTime({ kind: 'now' }, writer, now)).toEqual({ notBefore: now + 10_000, scheduledFor: null });
  });

  it('"next working time" is the next shift start off duty, and now on duty', () => {
    const shift = Date.parse('2026-11-02T09:00:00-05:00');
    expect(resolveSendTime({ kind: 'nextWorkingTime' }, { ...writer, nextOnAt: shift }, now)).toEqual({ notBefore: shift, scheduledFor: shift });
    expect(resolveSendTime({ kind: 'nextWorkingTime' }, { ...writer, nextOnAt: now }, now)).toEqual({ notBefore: now + 10_000, scheduledFor: null });
    expect(() => resolveSendTime({ kind: 'nextWorkingTime' }, writer, now)).toThrow('when: no working time in the next 400 days');
  });

  it('"tomorrow morning" is 09:00 local, across the night clocks fall back', () => {
    // Toronto leaves daylight time at 02:00 on 1 November 2026: 09:00 that day is 14:00 UTC, not 13:00.
    expect(resolveSendTime({ kind: 'tomorrowMorning' }, writer, now).scheduledFor).toBe(Date.parse('2026-11-01T14:00:00Z'));
    expect(resolveSendTime({ kind: 'tomorrowMorning' }, { ...writer, timeZone: 'Europe/Paris' }, now).scheduledFor).toBe(Date.parse('2026-11-02T08:00:00Z'));
  });

  it('a chosen time must be ahead, and within 400 days', () => {
    expect(resolveSendTime({ kind: 'at', at: now + 60_000 }, writer, now)).toEqual({ notBefore: now + 60_000, scheduledFor: now + 60_000 });
    expect(() => resolveSendTime({ kind: 'at', at: now }, writer, now)).toThrow('when.at: this time has already passed.');
    expect(() => resolveSendTime({ kind: 'at', at: now + 401 * 86_400_000 }, writer, now)).toThrow('at most 400 days ahead');
  });
});
