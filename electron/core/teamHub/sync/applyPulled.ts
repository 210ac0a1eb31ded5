import { ZodError } from 'zod';
import type { LoggedChange } from '../../hub/changeLog';
import type { Db } from '../../store/database';
import { renameInQueuedValues } from './adoptCreation';
import { alsoAssigned, type AlsoAssigned } from './alsoAssigned';
import { applierFor } from './appliers';
import { UnappliableChange, type ApplyContext } from './applier';
import { withoutCapture } from './captureSwitch';
import { quarantineChange } from './quarantineChange';
import { canonicalId, fieldVersion, hasPendingChange, saveCursor, saveFieldVersion } from './syncState';

export type AppliedBatch = { conversationIds: string[]; everything: boolean; alsoAssigned: AlsoAssigned[]; quarantined: number };

const reasonOf = (error: unknown) =>
  error instanceof ZodError
    ? `Invalid value: ${error.issues.map((issue) => `${issue.path.join('.') || 'value'} ${issue.message}`).join('; ')}`
    : error instanceof UnappliableChange
      ? error.message
      : `Could not apply: ${error instanceof Error ? error.message : String(error)}`;

/**
 * This desktop's own creation or append, back from the hub: the row was written here when it was
 * made, so it is not parsed nor written again. A creation still records its field version: it
 * tells adoptCreation that the log named this row first. (A field's own change is recorded when
 * pushed instead: a creation cannot be, adoptCreation would take it for first in server order.)
 */
function skipOwnCreation(db: Db, change: LoggedChange): void {
  if (change.op !== 'set') return;
  const key = { entity: change.entity, entityId: canonicalId(db, change.entity, change.entityId), field: change.field };
  saveFieldVersion(db, key, { seq: change.seq, desktopId: change.desktopId, authorRole: change.authorRole, madeAt: change.madeAt, value: change.value });
}

/**
 * Applies pulled changes in server order in one transaction that also moves the cursor past
 * them, with capture off (they came from the hub). Per field the later change wins, except
 * where a change made here still waits to be pushed: it will come after, and win everywhere.
 * A change this version cannot apply goes to the quarantine, alone (a savepoint each): the
 * sync never stops on one.
 *
 * `ownDesktopId`: the hub sends this desktop's own changes back. A creation or an append made
 * here is here already (skipOwnCreation); a field's own change finds its version equal.
 * Per field, a change behind the field's version (one logged before this desktop's own) is
 * not applied.
 */
export function applyPulled(db: Db, changes: readonly LoggedChange[], now: number, ownDesktopId?: string): AppliedBatch {
  const conversationIds = new Set<string>();
  const batch: AppliedBatch = { conversationIds: [], everything: false, alsoAssigned: [], quarantined: 0 };
  /** Adoptions of the batch, for the queue's values; those of the change being applied join them once it is applied for good. */
  const renamed = new Map<string, string>();
  let renamedByChange = new Map<string, string>();
  const applyOne = (change: LoggedChange) => {
    const applier = applierFor(change.entity, change.field);
    if (!applier) throw new UnappliableChange(`This version does not know the field ${change.field} of ${change.entity}.`);
    const context: ApplyContext = {
      db,
      change,
      now,
      resolve: (entity, id) => canonicalId(db, entity, id),
      touch: (id) => conversationIds.add(id),
      touchEverything: () => (batch.everything = true),
      renameInQueue: (localId, id) => renamedByChange.set(localId, id),
    };
    const plan = applier.plan(context);
    const key = { entity: change.entity, entityId: plan.entityId, field: change.field };
    if (change.op === 'set') {
      const previous = fieldVersion(db, key.entity, key.entityId, key.field);
      const version = { seq: change.seq, desktopId: change.desktopId, authorRole: change.authorRole, madeAt: change.madeAt, value: change.value };
      // This desktop's own change, recorded when the hub logged it (recordPushedFields; its
      // author role comes with it now), or one logged before that: the local value is later.
      if (applier.kind === 'field' && previous !== undefined && previous.seq >= change.seq) {
        if (previous.seq === change.seq) saveFieldVersion(db, key, version);
        return;
      }
      saveFieldVersion(db, key, version);
      const also = key.entity === 'conversation' && key.field === 'assignee' ? alsoAssigned(db, key.entityId, change, previous) : undefined;
      if (also) batch.alsoAssigned.push(also);
    }
    if (applier.kind === 'field' && hasPendingChange(db, key.entity, key.entityId, key.field)) return;
    plan.apply();
  };
  withoutCapture(db, () =>
    db.transaction(() => {
      for (const change of changes) {
        try {
          // Outside a savepoint of its own: that was most of what skipping still cost.
          if (change.desktopId === ownDesktopId && applierFor(change.entity, change.field)?.kind === 'once') skipOwnCreation(db, change);
          else db.transaction(() => applyOne(change))();
          for (const [localId, id] of renamedByChange) renamed.set(localId, id);
        } catch (error) {
          quarantineChange(db, change, reasonOf(error), now);
          batch.quarantined += 1;
        } finally {
          renamedByChange = new Map();
        }
      }
      renameInQueuedValues(db, renamed);
      const last = changes.at(-1);
      if (last) saveCursor(db, last.seq, now);
    })(),
  );
  return { ...batch, conversationIds: [...conversationIds] };
}
