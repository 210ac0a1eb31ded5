import { Temporal } from 'temporal-polyfill';

/** The instant of a wall-clock time in a zone, as a person there reads it ("2026-11-02T16:50"). */
export const localTime = (zone: string, isoDateTime: string): number =>
  Temporal.PlainDateTime.from(isoDateTime).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;

export const MINUTE = 60_000;
