import { describe, expect, it } from 'vitest';
import { ACTIVE_WITHIN_MS, BEAT_MS, isBeatDue, mayShowBreakReminder } from './presence';

describe('presence', () => {
  const now = 1_000_000_000;
  const here = { isVisible: true, now, lastActivityAt: now - 10_000, lastBeatAt: now - BEAT_MS };
  it('beats about once a minute while the app is visible and I was active in the last few minutes', () => {
    expect(isBeatDue(here)).toBe(true);
    expect(isBeatDue({ ...here, lastBeatAt: now - BEAT_MS + 1 })).toBe(false);
    expect(isBeatDue({ ...here, lastBeatAt: -Infinity })).toBe(true);
  });

  it('stays quiet while the app is hidden or I am idle', () => {
    expect(isBeatDue({ ...here, isVisible: false })).toBe(false);
    expect(isBeatDue({ ...here, lastActivityAt: now - ACTIVE_WITHIN_MS })).toBe(true);
    expect(isBeatDue({ ...here, lastActivityAt: now - ACTIVE_WITHIN_MS - 1 })).toBe(false);
  });
});

describe('the break reminder on screen', () => {
  const onDuty = { status: { isOnDuty: true, override: null }, peekId: null };
  it('shows what the core decided while I am on duty by my hours', () => {
    expect(mayShowBreakReminder(true, onDuty)).toBe(true);
    expect(mayShowBreakReminder(false, onDuty)).toBe(false);
  });

  it('never shows once my duty changed, even before the next heartbeat: peeking, "I’m working now", off, or not known yet', () => {
    expect(mayShowBreakReminder(true, { ...onDuty, peekId: 3 })).toBe(false);
    expect(mayShowBreakReminder(true, { status: { isOnDuty: true, override: { kind: 'working' } }, peekId: null })).toBe(false);
    expect(mayShowBreakReminder(true, { status: { isOnDuty: false, override: { kind: 'off' } }, peekId: null })).toBe(false);
    expect(mayShowBreakReminder(true, { status: { isOnDuty: false, override: null }, peekId: null })).toBe(false);
    expect(mayShowBreakReminder(true, { status: null, peekId: null })).toBe(false);
  });
});
