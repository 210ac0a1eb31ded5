import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOnDuty, nextOffDuty, nextOnDuty, onDutyMsBetween, whoIsOnDuty } from './index';
import { DAY, instant, schedule, transitions } from './testing/arbitraries';

const RUNS = { numRuns: 150 };

describe('schedule properties (12 zones, 2026–2027, DST transitions)', () => {
  it('has DST transitions to test in at least the DST zones', () => {
    expect(transitions.length).toBeGreaterThanOrEqual(30);
  });

  it('nextOnDuty is the first on-duty instant: on duty there, never before', () => {
    fc.assert(
      fc.property(schedule, instant, (s, at) => {
        const next = nextOnDuty(s, at);
        if (next === null) {
          expect(isOnDuty(s, at)).toBe(false);
          expect(onDutyMsBetween(s, at, at + 400 * DAY)).toBe(0);
          return;
        }
        expect(next).toBeGreaterThanOrEqual(at);
        expect(isOnDuty(s, next)).toBe(true);
        expect(onDutyMsBetween(s, at, next)).toBe(0);
        expect(next === at).toBe(isOnDuty(s, at));
      }),
      RUNS,
    );
  });

  it('nextOffDuty is the first off-duty instant: off there, on duty all the way to it', () => {
    fc.assert(
      fc.property(schedule, instant, (s, at) => {
        const next = nextOffDuty(s, at);
        if (next === null) {
          expect(onDutyMsBetween(s, at, at + 400 * DAY)).toBe(400 * DAY);
          return;
        }
        expect(next).toBeGreaterThanOrEqual(at);
        expect(isOnDuty(s, next)).toBe(false);
        expect(onDutyMsBetween(s, at, next)).toBe(next - at);
        expect(next === at).toBe(!isOnDuty(s, at));
      }),
      RUNS,
    );
  });

  it('onDutyMsBetween adds up over adjacent spans, stays within the span, and agrees with isOnDuty', () => {
    fc.assert(
      fc.property(schedule, instant, fc.integer({ min: 0, max: 3 * DAY }), fc.integer({ min: 0, max: 3 * DAY }), (s, a, ab, bc) => {
        const b = a + ab;
        const c = b + bc;
        const whole = onDutyMsBetween(s, a, c);
        expect(whole).toBe(onDutyMsBetween(s, a, b) + onDutyMsBetween(s, b, c));
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThanOrEqual(c - a);
        expect(onDutyMsBetween(s, a, a + 1)).toBe(isOnDuty(s, a) ? 1 : 0);
      }),
      RUNS,
    );
  });

  it('whoIsOnDuty lists exactly the people on duty, in order', () => {
    fc.assert(
      fc.property(fc.array(schedule, { maxLength: 5 }), instant, (schedules, at) => {
        const people = schedules.map((s, i) => ({ id: `p${i}`, schedule: s }));
        expect(whoIsOnDuty(people, at)).toEqual(people.filter((person) => isOnDuty(person.schedule, at)).map((person) => person.id));
      }),
      { numRuns: 60 },
    );
  });
});
