import type { TeamMember } from '../../../shared/api/team';
import { nextOnDuty } from '../../../shared/schedule';

/** A teammate and where they stand: on duty, or when they are back (null: not within the schedule's horizon). */
export type Standing = { person: TeamMember; isOnDuty: boolean; backAt: number | null };

/**
 * Teammates (never me) with when each is back. Only my own "I'm off now" overrides exist on this
 * desktop, so a teammate's schedule says when they return.
 */
export function teammateStandings(people: readonly TeamMember[], now: number): Standing[] {
  return people
    .filter((person) => !person.isMe)
    .map((person) => ({ person, isOnDuty: person.isOnDuty, backAt: person.isOnDuty || !person.schedule ? null : nextOnDuty(person.schedule, now) }));
}
