import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOnDuty, parseSchedule } from '../../../shared/schedule';
import { instant, schedule, ZONES } from '../../../shared/schedule/testing/arbitraries';
import { MINUTE } from '../testing/localTime';
import { createTestCore } from '../testing/testCore';
import { isBreakDue } from './breakReminder';

const NOW = Date.UTC(2026, 10, 2, 15, 0);
const due = (overrides: Partial<Parameters<typeof isBreakDue>[0]>) =>
  isBreakDue({ now: NOW, sessionStartedAt: NOW - 90 * MINUTE, reminderMinutes: 90, isOffDuty: false, snoozedUntil: null, ...overrides });

describe('the break reminder decision', () => {
  it('is due once the session reaches the setting, not before, not while snoozed, and never when set to 0', () => {
    expect(due({})).toBe(true);
    expect(due({ sessionStartedAt: NOW - 90 * MINUTE + 1 })).toBe(false);
    expect(due({ reminderMinutes: 0, sessionStartedAt: NOW - 600 * MINUTE })).toBe(false);
    expect(due({ snoozedUntil: NOW + 1 })).toBe(false);
    expect(due({ snoozedUntil: NOW })).toBe(true);
    expect(due({ isOffDuty: true })).toBe(false);
  });

  it('never comes while I am off duty, and always comes on duty once due (property, 12 zones, through the core)', async () => {
    const step = fc.record({
      minutes: fc.oneof({ weight: 12, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 45 }) }),
      action: fc.oneof({ weight: 20, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fc.constantFrom('off' as const, 'working' as const, 'clear' as const, 'snooze' as const) }),
    });
    // Random hours are often short ranges; ordinary working days let long sessions happen on duty.
    const workingDays = fc.constantFrom(...ZONES).map((timeZone) => {
      const day: [string, string][] = [['08:00', '12:00'], ['12:30', '19:00']];
      return parseSchedule({ timeZone, weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] } });
    });
    let dueCount = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(schedule, workingDays), instant, fc.constantFrom(0, 15, 30, 90), fc.array(step, { minLength: 60, maxLength: 240 }), async (hours, start, reminderMinutes, steps) => {
        const core = createTestCore();
        try {
          await core.call('duty.setSchedule', { schedule: hours });
          await core.call('wellbeing.setSettings', { breakReminderMinutes: reminderMinutes });
          let snoozedUntil = -Infinity;
          core.now.value = start;
          for (const { minutes, action } of steps) {
            core.now.value += minutes * MINUTE;
            if (action === 'snooze') snoozedUntil = (await core.call('wellbeing.snoozeReminder', {})).until;
            else if (action !== 'none') await core.call('duty.override', { kind: action });
            const presence = await core.call('wellbeing.heartbeat', {});
            // Off duty, decided apart from the ledger: outside my hours, or under any override.
            const isOffDuty = !isOnDuty(hours, core.now.value) || (await core.call('duty.status', {})).override !== null;
            expect(presence.isOffDuty).toBe(isOffDuty);
            if (presence.isBreakDue) expect(isOffDuty).toBe(false);
            const isLongEnough = reminderMinutes > 0 && presence.sessionMs >= reminderMinutes * MINUTE;
            expect(presence.isBreakDue).toBe(!isOffDuty && isLongEnough && core.now.value >= snoozedUntil);
            if (presence.isBreakDue) dueCount += 1;
          }
        } finally {
          core.close();
        }
      }),
      { numRuns: 40 },
    );
    // The property is not vacuous: the reminder did come, on duty.
    expect(dueCount).toBeGreaterThan(0);
  });
});
