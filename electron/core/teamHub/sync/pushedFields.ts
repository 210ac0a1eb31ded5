import type { LoggedChange, LoggedSeq } from '../../hub/changeLog';
import type { Change } from '../../hub/hubInputs';
import type { Db } from '../../store/database';
import { applierFor } from './appliers';
import { canonicalId, saveFieldVersion } from './syncState';

/**
 * Fields whose own changes are still applied again in server order: each desktop compares an
 * assignment with the one before it in that order, to tell two people who assigned within a
 * minute of each other (alsoAssigned).
 */
const IN_ORDER = new Set(['conversation.assignee']);

/**
 * Fields this desktop changed that the hub has just logged: each field's version becomes that
 * change, as if pulled already (the local row holds its value). When the hub sends it back,
 * applyPulled finds the version equal and writes nothing; a teammate's change logged before it
 * but pulled after finds a later version and gives way, as it would have in server order.
 */
export function recordPushedFields(db: Db, pushed: readonly Change[], logged: readonly LoggedSeq[], desktopId: string): void {
  const seqs = new Map(logged.map(({ id, seq }) => [id, seq]));
  for (const change of pushed) {
    const seq = seqs.get(change.id);
    const applier = applierFor(change.entity, change.field);
    if (seq === undefined || change.op !== 'set' || applier?.kind !== 'field' || IN_ORDER.has(`${change.entity}.${change.field}`)) continue;
    const entityId = keyOf(db, applier, { ...change, seq, desktopId, authorRole: '', receivedAt: 0 });
    if (entityId === undefined) continue;
    saveFieldVersion(db, { entity: change.entity, entityId, field: change.field }, { seq, desktopId, authorRole: '', madeAt: change.madeAt, value: change.value });
  }
}

/** The field's entity id as applying the change would name it; undefined for a value it would refuse (pulled back, it is applied as any other). */
function keyOf(db: Db, applier: NonNullable<ReturnType<typeof applierFor>>, change: LoggedChange): string | undefined {
  const context = { db, change, now: change.madeAt, resolve: (entity: string, id: string) => canonicalId(db, entity, id), touch: () => {}, touchEverything: () => {}, renameInQueue: () => {} };
  try {
    return applier.plan(context).entityId;
  } catch {
    return undefined;
  }
}
