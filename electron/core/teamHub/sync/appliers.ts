import { ACCOUNT_APPLIERS } from './accountAppliers';
import { APPEND_APPLIERS } from './appendAppliers';
import type { Applier } from './applier';
import { CONTACT_APPLIERS } from './contactAppliers';
import { CONVERSATION_APPLIERS } from './conversationAppliers';
import { ON_CALL_APPLIERS } from './onCallAppliers';
import { OUTBOX_APPLIERS } from './outboxAppliers';
import { RULE_APPLIERS } from './ruleAppliers';
import { TEAMMATE_APPLIERS } from './teammateAppliers';
import { TEMPLATE_APPLIERS } from './templateAppliers';

/** Every (entity, field) this version applies; anything else pulled is quarantined. */
const APPLIERS: Record<string, Record<string, Applier>> = {
  ...ACCOUNT_APPLIERS,
  ...TEAMMATE_APPLIERS,
  ...ON_CALL_APPLIERS,
  ...CONTACT_APPLIERS,
  ...CONVERSATION_APPLIERS,
  ...APPEND_APPLIERS,
  ...RULE_APPLIERS,
  ...TEMPLATE_APPLIERS,
  ...OUTBOX_APPLIERS,
};

export const applierFor = (entity: string, field: string): Applier | undefined =>
  Object.hasOwn(APPLIERS, entity) && Object.hasOwn(APPLIERS[entity] ?? {}, field) ? APPLIERS[entity]?.[field] : undefined;
