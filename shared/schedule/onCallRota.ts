import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { isoDate, minutesOf, startTime, timeZone, WEEKDAYS, type Weekday } from './scheduleSchema';

export const rotaSchema = z.strictObject({
  /** Who takes the on-call week, in turn: the first person takes the week from the first hand-over. */
  personIds: z
    .array(z.string().min(1).max(64))
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'must not name the same person twice'),
  /** The first hand-over is the first hand-over weekday on or after this date. */
  startsOn: isoDate,
  handover: z.strictObject({ weekday: z.enum(WEEKDAYS), time: startTime }),
  /** The zone the hand-over's weekday and time are read in. */
  timeZone,
});

/** A weekly on-call rota: the on-call person changes at the same local weekday and time each week. */
export type OnCallRota = z.output<typeof rotaSchema>;
type RotaTiming = Pick<OnCallRota, 'startsOn' | 'handover' | 'timeZone'>;

const isoWeekday = (weekday: Weekday): number => WEEKDAYS.indexOf(weekday) + 1;

// A hand-over inside a spring-forward gap moves forward by the gap; a repeated time takes the
// earlier instant (Temporal's "compatible"), as schedule ranges do: one hand-over per week, always.
const handoverOn = (rota: RotaTiming, date: Temporal.PlainDate): number => {
  const minutes = minutesOf(rota.handover.time);
  return date
    .toPlainDateTime({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
    .toZonedDateTime(rota.timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
};

const localDate = (rota: RotaTiming, at: number): Temporal.PlainDate =>
  Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(rota.timeZone).toPlainDate();

/** The local date of the first hand-over: the hand-over weekday on or after the start date. */
const firstHandoverDate = (rota: RotaTiming): Temporal.PlainDate => {
  const start = Temporal.PlainDate.from(rota.startsOn);
  return start.add({ days: (isoWeekday(rota.handover.weekday) - start.dayOfWeek + 7) % 7 });
};

/** The first hand-over instant. */
export const firstHandover = (rota: RotaTiming): number => handoverOn(rota, firstHandoverDate(rota));

/** The latest hand-over at or before `at` (weeks before the first hand-over included: the rota runs both ways). */
function handoverDateAtOrBefore(rota: RotaTiming, at: number): Temporal.PlainDate {
  const today = localDate(rota, at);
  const date = today.subtract({ days: (today.dayOfWeek - isoWeekday(rota.handover.weekday) + 7) % 7 });
  return handoverOn(rota, date) <= at ? date : date.subtract({ days: 7 });
}

/** Whole weeks from the first hand-over to the latest hand-over at or before `at`; negative before the first. */
function rotaWeekAt(rota: RotaTiming, at: number): number {
  return firstHandoverDate(rota).until(handoverDateAtOrBefore(rota, at), { largestUnit: 'days' }).days / 7;
}

/**
 * Who is on call at `at`: the person at (weeks elapsed since the first hand-over) mod n.
 * Before the first hand-over the turns run backwards (the last person has the week before),
 * so exactly one person is on call at any instant; null only for an empty rota.
 */
export function onCallAt(rota: OnCallRota, at: number): string | null {
  const n = rota.personIds.length;
  if (n === 0) return null;
  return rota.personIds[(((rotaWeekAt(rota, at) % n) + n) % n)] ?? null;
}

/** The earliest hand-over strictly after `at`. */
export function nextHandover(rota: RotaTiming, at: number): number {
  return handoverOn(rota, handoverDateAtOrBefore(rota, at).add({ days: 7 }));
}
