import type { TFunction } from 'i18next';
import { Temporal } from 'temporal-polyfill';
import { formatTimeOfDay } from '../../../shared/schedule';
import { formatWrittenDate } from '../../../shared/text/writtenDate';
import { localTimeZone } from './scheduleDraft';

/**
 * The zone's everyday name in the interface's language, by Intl: "Eastern Time", "heure de l’Est";
 * where Intl knows none and falls back to an offset ("UTC+00:00"), the zone's own name ("UTC").
 */
export function zoneName(zone: string, locale: string, at = Date.now()): string {
  const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value;
  return name === undefined || /^(UTC|GMT)([+−-]|$)/u.test(name) ? zone.replace(/^Etc\//u, '').replaceAll('_', ' ') : name;
}

/**
 * An instant of a schedule (a shift's start, an override's end) as read on that schedule's clock:
 * "Monday, December 7 at 9:00 a.m." / "lundi 7 décembre à 9 h", with the zone's name when this
 * computer is elsewhere, so a Toronto 9:00 on a UTC computer never reads "2:00 PM".
 */
export function formatZonedDateTime(t: TFunction, at: number, zone: string | null, locale: string): string {
  const timeZone = zone ?? localTimeZone();
  const wall = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone);
  const date = formatWrittenDate(at, locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone });
  // The time as the hours editor writes it ("9 h", "9:00 a.m."): Intl's French date-time pads "09 h 00".
  const time = formatTimeOfDay(`${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`, locale);
  return timeZone === localTimeZone() ? t('hours.dateTime', { date, time }) : t('hours.dateTimeInZone', { date, time, zone: zoneName(timeZone, locale, at) });
}
