import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { firstHandover, nextHandover, onCallAt, rotaSchema, WEEKDAYS, type OnCallRota } from './index';
import { DAY, HOUR, instant, ZONES } from './testing/arbitraries';

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const rota: fc.Arbitrary<OnCallRota> = fc
  .record({
    personIds: fc.uniqueArray(fc.constantFrom('ana', 'ben', 'chloé', 'dev', 'éloi', 'fatou'), { minLength: 1, maxLength: 6 }),
    startDay: fc.integer({ min: 0, max: 700 }),
    weekday: fc.constantFrom(...WEEKDAYS),
    // Any minute of the day: 02:xx lands in or near DST gaps and repeats in most zones.
    time: fc.integer({ min: 0, max: 1439 }),
    timeZone: fc.constantFrom(...ZONES),
  })
  .map(({ personIds, startDay, weekday, time, timeZone }) =>
    rotaSchema.parse({ personIds, startsOn: Temporal.PlainDate.from('2026-01-01').add({ days: startDay }).toString(), handover: { weekday, time: hhmm(time) }, timeZone }),
  );

/** The oracle: walk the hand-overs one calendar week at a time from the first, counting those at or before `at`. */
function weeksByWalking(r: OnCallRota, at: number): number {
  const first = Temporal.Instant.fromEpochMilliseconds(firstHandover(r)).toZonedDateTimeISO(r.timeZone).toPlainDate();
  const [hour, minute] = r.handover.time.split(':').map(Number);
  const handoverAt = (weeks: number) =>
    first.add({ weeks }).toPlainDateTime({ hour: hour ?? 0, minute: minute ?? 0 }).toZonedDateTime(r.timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
  let weeks = 0;
  if (at >= handoverAt(0)) while (handoverAt(weeks + 1) <= at) weeks += 1;
  else while (handoverAt(weeks) > at) weeks -= 1;
  return weeks;
}

describe('on-call rota (property, 12 zones over 2026–2027)', () => {
  it('names exactly one person of the rota at any instant, the one (weeks since the first hand-over) mod n', () => {
    fc.assert(
      fc.property(rota, instant, (r, at) => {
        const n = r.personIds.length;
        expect(onCallAt(r, at)).toBe(r.personIds[((weeksByWalking(r, at) % n) + n) % n]);
      }),
      { numRuns: 300 },
    );
  });

  it('changes only at hand-over instants, which fall on the hand-over weekday and local time, a week apart', () => {
    fc.assert(
      fc.property(rota, instant, fc.double({ min: 0, max: 1, noNaN: true }), (r, at, fraction) => {
        const handover = nextHandover(r, at);
        expect(handover).toBeGreaterThan(at);
        // Anywhere before the next hand-over: the same person.
        const later = at + Math.floor((handover - 1 - at) * fraction);
        expect(onCallAt(r, later)).toBe(onCallAt(r, at));
        expect(onCallAt(r, handover - 1)).toBe(onCallAt(r, at));
        // At the hand-over: the next person in turn.
        const n = r.personIds.length;
        const index = r.personIds.indexOf(onCallAt(r, at) ?? '');
        expect(onCallAt(r, handover)).toBe(r.personIds[(index + 1) % n]);
        const local = Temporal.Instant.fromEpochMilliseconds(handover).toZonedDateTimeISO(r.timeZone);
        expect(WEEKDAYS[local.dayOfWeek - 1]).toBe(r.handover.weekday);
        // Only a time skipped by a spring-forward moves (forward, by the gap), on a day that is not 24 hours long.
        expect(local.toPlainTime().toString().slice(0, 5) === r.handover.time || local.hoursInDay !== 24).toBe(true);
        const gap = nextHandover(r, handover) - handover;
        expect(Math.abs(gap - 7 * DAY)).toBeLessThanOrEqual(HOUR);
      }),
      { numRuns: 300 },
    );
  });

  it('has nobody on call when the rota is empty', () => {
    fc.assert(fc.property(rota, instant, (r, at) => onCallAt({ ...r, personIds: [] }, at) === null));
  });
});

describe('on-call rota across DST weeks', () => {
  const week = (timeZone: string, weekday: OnCallRota['handover']['weekday'], time: string): OnCallRota =>
    rotaSchema.parse({ personIds: ['ana', 'ben', 'chloé'], startsOn: '2026-03-01', handover: { weekday, time }, timeZone });

  it('Toronto: the week into daylight time is 167 hours; Monday 09:00 stays 09:00 on the wall', () => {
    const r = week('America/Toronto', 'mon', '09:00');
    // First hand-over Monday 2026-03-02 09:00 EST = 14:00Z; DST starts Sunday 2026-03-08.
    expect(firstHandover(r)).toBe(Date.UTC(2026, 2, 2, 14));
    const second = Date.UTC(2026, 2, 9, 13);
    expect(nextHandover(r, firstHandover(r))).toBe(second);
    expect(second - firstHandover(r)).toBe(167 * HOUR);
    expect([onCallAt(r, second - 1), onCallAt(r, second)]).toEqual(['ana', 'ben']);
    expect(onCallAt(r, firstHandover(r) - 1)).toBe('chloé');
  });

  it('Toronto: a hand-over at 02:30 on the spring-forward Sunday happens at 03:30, once', () => {
    const r = week('America/Toronto', 'sun', '02:30');
    const skipped = nextHandover(r, Date.UTC(2026, 2, 7));
    expect(skipped).toBe(Date.UTC(2026, 2, 8, 7, 30));
    // 03:30 EDT to the next Sunday's 02:30 EDT.
    expect(nextHandover(r, skipped) - skipped).toBe(7 * DAY - HOUR);
    expect(onCallAt(r, skipped - 1)).not.toBe(onCallAt(r, skipped));
  });

  it('Paris: the week out of summer time is 169 hours; a hand-over at the repeated 02:30 takes the first one', () => {
    const r = week('Europe/Paris', 'sun', '02:30');
    // Summer time ends Sunday 2026-10-25 at 03:00 CEST: 02:30 happens twice (00:30Z and 01:30Z).
    const before = nextHandover(r, Date.UTC(2026, 9, 17));
    const repeated = nextHandover(r, before);
    expect([before, repeated]).toEqual([Date.UTC(2026, 9, 18, 0, 30), Date.UTC(2026, 9, 25, 0, 30)]);
    expect(nextHandover(r, repeated) - repeated).toBe(7 * DAY + HOUR);
    expect(onCallAt(r, repeated + HOUR)).toBe(onCallAt(r, repeated));
  });

  it('Paris: Monday 09:00 over the spring-forward weekend is 167 hours after the previous one', () => {
    const r = week('Europe/Paris', 'mon', '09:00');
    const march23 = Date.UTC(2026, 2, 23, 8);
    expect(nextHandover(r, march23) - march23).toBe(167 * HOUR);
  });
});
