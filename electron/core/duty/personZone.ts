import type { Person } from './people';

/** Where a person's days begin and end: their schedule's zone, else this machine's. */
export const zoneOf = (person: Pick<Person, 'schedule'>): string => person.schedule?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
