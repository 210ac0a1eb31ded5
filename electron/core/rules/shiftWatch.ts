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
 * wake-up long after). Everyone is followed, so a shift rule saved a minute before a shift
 * ends sees it end; only the people enabled shift rules are about wake the scheduler.
 */
export class ShiftWatch {
  private wasOnDuty = new Map<string, boolean>();
  /**
   * The next instant the duty of someone a shift rule is about changes, as of the last look:
   * kept, since the scheduler re-arms after every ingest batch. Anything that moves it (a
   * schedule, an override, a shift rule) makes a new look, and so does reaching it.
   */
  nextBoundary: number | null = null;

  /** The shift events since the last look, each with the conversations of its rules' scopes. */
  look(db: Db, now: number): ShiftEvent[] {
    const triggers = enabledShiftTriggers(db);
    const everyone = dutyNow(db, now);
    const events: ShiftEvent[] = [];
    for (const [personId, { isOnDuty }] of everyone) {
      const was = this.wasOnDuty.get(personId);
      if (was === undefined || was === isOnDuty) continue;
      const type = isOnDuty ? 'shiftStarts' : 'shiftEnds';
      const scopes = new Set(triggers.filter((trigger) => trigger.type === type && isAbout(trigger, personId)).map((trigger) => trigger.scope));
      if (scopes.size > 0) events.push({ type, personId, conversationSeqs: conversationsInScope(db, personId, scopes) });
    }
    this.wasOnDuty = new Map([...everyone].map(([personId, { isOnDuty }]) => [personId, isOnDuty]));
    this.nextBoundary = nextChange(triggers, everyone, now);
    return events;
  }

  /** Takes back a look whose run failed (its transaction rolled back): the next run raises those events again. */
  forget(previous: ReadonlyMap<string, boolean>): void {
    this.wasOnDuty = new Map(previous);
  }

  /** Who was on duty at the last look. */
  get lastLook(): ReadonlyMap<string, boolean> {
    return this.wasOnDuty;
  }

  /** After a rule was saved: who is watched may have changed, and so the next boundary. */
  rulesChanged(db: Db, now: number): void {
    const triggers = enabledShiftTriggers(db);
    this.nextBoundary = triggers.length === 0 ? null : nextChange(triggers, dutyNow(db, now), now);
  }
}

function nextChange(triggers: readonly ShiftTrigger[], everyone: ReturnType<typeof dutyNow>, now: number): number | null {
  let next: number | null = null;
  for (const [personId, { nextChangeAt }] of everyone) {
    if (!triggers.some((trigger) => isAbout(trigger, personId))) continue;
    if (nextChangeAt !== null && nextChangeAt > now && (next === null || nextChangeAt < next)) next = nextChangeAt;
  }
  return next;
}

const isAbout = (trigger: ShiftTrigger, personId: string): boolean => trigger.personId === null || trigger.personId === personId;

function dutyNow(db: Db, now: number): Map<string, { isOnDuty: boolean; nextChangeAt: number | null }> {
  return new Map(
    listPeople(db, now).map((person) => {
      const duty = dutyStatusOf(person, activeOverride(db, person, now), now);
      return [person.id, { isOnDuty: duty.isOnDuty, nextChangeAt: duty.isOnDuty ? duty.nextOffAt : duty.nextOnAt }];
    }),
  );
}
