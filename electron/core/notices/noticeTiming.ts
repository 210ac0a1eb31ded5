import type { PersonNow } from '../duty/dutyService';

/**
 * When a notice may reach this person: now while they are on duty, else the start of their
 * next shift (an "I'm off now" included). Never on duty within the schedule's horizon: now,
 * and the delivery's own duty gate still holds it.
 */
export const deliverAfterFor = (standing: Pick<PersonNow, 'duty'>, now: number): number => (standing.duty.isOnDuty ? now : (standing.duty.nextOnAt ?? now));
