import { triggerSchema, type Trigger } from '../../../shared/rules/ruleSchema';
import { activeOverride, dutyStatusOf } from '../duty/dutyStatus';
import { listPeople } from '../duty/people';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import type { RuleEvent } from './ruleEvents';

type ShiftTrigger = Extract<Trigger, { type: 'shiftStarts' | 'shiftEnds' }>;
type ShiftEvent = Extract<RuleEvent, { type: 'shiftStarts' | 'shiftEnds' }>;

function enabledShiftTriggers(db: Db): ShiftTrigger[] {
  return cachedStatement<[], { definition: string }>(db, "SELECT definition FROM rules WHERE is_enabled = 1 AND trigger_type IN ('shiftStarts', 'shiftEnds')")
    .all()
    // Stored definitions were validated on the way in; parsing the trigger again keeps the type honest.
    .map((row) => triggerSchema.parse((JSON.parse(row.definition) as { trigger: unknown }).trigger) as ShiftTrigger);
}

/** The open conversations a shift rule looks at: the person's own, the unassigned ones, or both (the runner picks per rule). */
function conversationsInScope(db: Db, personId: string, scopes: ReadonlySet<ShiftTrigger['scope']>): number[] {
  return cachedStatement<[string, number, number], { seq: number }>(
    db,
    "SELECT seq FROM conversations WHERE status = 'open' AND ((? = assignee_id AND ?) OR (assignee_id IS NULL AND ?)) ORDER BY seq",
  )
    .all(personId, scopes.has('assignedToThem') ? 1 : 0, scopes.has('unassigned') ? 1 : 0)
    .map((row) => row.seq);
}

/**
 * Shift starts and ends, as changes of who is on duty (a schedule, or an override such as
 * "I'm off now"): each look compares everyone's duty with the previous look, so a boundary
 * raises its event once however the scheduler got there (its own timer, a duty change, a
 * wake-up long after). Only people an enabled shift rule is about are watched.
 */
export class ShiftWatch {
  private wasOnDuty = new Map<string, boolean>();

  /** The shift events since the last look, each with the conversations of its rules' scopes. */
  look(db: Db, now: number): ShiftEvent[] {
    const triggers = enabledShiftTriggers(db);
    const watched = this.dutyNow(db, now, triggers);
    const events: ShiftEvent[] = [];
    for (const [personId, { isOnDuty }] of watched) {
      const was = this.wasOnDuty.get(personId);
      if (was === undefined || was === isOnDuty) continue;
      const type = isOnDuty ? 'shiftStarts' : 'shiftEnds';
      const scopes = new Set(triggers.filter((trigger) => trigger.type === type && (trigger.personId === null || trigger.personId === personId)).map((trigger) => trigger.scope));
      if (scopes.size > 0) events.push({ type, personId, conversationSeqs: conversationsInScope(db, personId, scopes) });
    }
    this.wasOnDuty = new Map([...watched].map(([personId, { isOnDuty }]) => [personId, isOnDuty]));
    return events;
  }

  /** The next instant a watched person's duty changes, if any (without an override in between). */
  nextBoundary(db: Db, now: number): number | null {
    let next: number | null = null;
    for (const { nextChangeAt } of this.dutyNow(db, now, enabledShiftTriggers(db)).values()) {
      if (nextChangeAt !== null && nextChangeAt > now && (next === null || nextChangeAt < next)) next = nextChangeAt;
    }
    return next;
  }

  private dutyNow(db: Db, now: number, triggers: readonly ShiftTrigger[]): Map<string, { isOnDuty: boolean; nextChangeAt: number | null }> {
    if (triggers.length === 0) return new Map();
    const isAnyone = triggers.some((trigger) => trigger.personId === null);
    const named = new Set(triggers.map((trigger) => trigger.personId));
    return new Map(
      listPeople(db, now)
        .filter((person) => isAnyone || named.has(person.id))
        .map((person) => {
          const duty = dutyStatusOf(person, activeOverride(db, person, now), now);
          return [person.id, { isOnDuty: duty.isOnDuty, nextChangeAt: duty.isOnDuty ? duty.nextOffAt : duty.nextOnAt }];
        }),
    );
  }
}
