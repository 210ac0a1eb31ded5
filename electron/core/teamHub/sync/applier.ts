import type { z } from 'zod';
import type { LoggedChange } from '../../hub/changeLog';
import type { Db } from '../../store/database';

/** What applying one pulled change may use, and what it tells the UI it touched. */
export type ApplyContext = {
  db: Db;
  change: LoggedChange;
  now: number;
  /** The id every desktop uses for this entity (aliases followed). */
  resolve(entity: string, id: string): string;
  touch(conversationId: string): void;
  /** Teammates, rules, templates or accounts changed: the whole inbox may look different. */
  touchEverything(): void;
  /**
   * A conversation made here took the id first in server order (adoptCreation): the changes
   * still queued that name its old id in their value will name the new one. Done once for the
   * whole batch, a pass over the queue, when the change that asked is applied for good.
   */
  renameInQueue(localId: string, id: string): void;
};

/**
 * How a change to one (entity, field) is applied. `field`: the last change in server order
 * wins, unless one made here still waits to be pushed. `once`: a creation or an append,
 * idempotent (a second time, or a row this desktop has already, changes nothing).
 */
export type Applier = {
  kind: 'field' | 'once';
  /** Validates the value (throws a ZodError) and works out the entity's id on every desktop. */
  plan(context: ApplyContext): { entityId: string; apply(): void };
};

export function applier<V>(
  kind: Applier['kind'],
  schema: z.ZodType<V>,
  apply: (context: ApplyContext, entityId: string, value: V) => void,
  entityIdOf?: (context: ApplyContext, value: V) => string,
): Applier {
  return {
    kind,
    plan(context) {
      const value = schema.parse(context.change.value);
      const entityId = entityIdOf ? entityIdOf(context, value) : context.resolve(context.change.entity, context.change.entityId);
      return { entityId, apply: () => apply(context, entityId, value) };
    },
  };
}

/** A pulled change that cannot be applied here: it goes to the quarantine with this reason. */
export class UnappliableChange extends Error {}
