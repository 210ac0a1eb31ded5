/** A person as escalation sees them: where they stand now and what they agreed to. */
export type Reachable = { id: string; name: string; isOnDuty: boolean; acceptsUrgentOffDuty: boolean; isOnCall: boolean };

/**
 * Who receives an urgent item: everyone on duty now; if nobody is, the on-call person and
 * those who chose to receive urgent items off duty. Never someone off duty who did not
 * opt in (being on call is opting in). An empty answer is recorded as such.
 */
export function urgentRecipients(people: readonly Reachable[]): Reachable[] {
  const onDuty = people.filter((person) => person.isOnDuty);
  if (onDuty.length > 0) return onDuty;
  return people.filter((person) => person.isOnCall || person.acceptsUrgentOffDuty);
}
