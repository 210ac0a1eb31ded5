import { z } from 'zod';
import { ruleDefinitionSchema } from '../../../../shared/rules/ruleSchema';
import { scheduleSchema } from '../../../../shared/schedule/scheduleSchema';

/**
 * The values of the changes this version understands, as captureSpecs.ts writes them. Objects
 * are not strict: a newer desktop may add a property, which this one ignores.
 */
const id = z.string().min(1).max(200);
const epochMs = z.number().int().nonnegative();
const flag = z.union([z.literal(0), z.literal(1)]);
const text = (max: number) => z.string().max(max);

export const contactValue = z.object({
  platform: text(32),
  externalId: id,
  handle: text(500),
  name: text(500),
  avatarUrl: text(2000).nullable(),
  followerCount: z.number().int().nonnegative().nullable(),
  firstSeenAt: epochMs,
});

export const accountValue = z.object({
  platform: text(32).min(1),
  externalId: id,
  name: text(500),
  handle: text(500),
  server: text(500).nullable(),
  businessHours: z.json().nullable(),
  isPaused: flag,
  syncIntervalMs: z.number().int().min(15_000).max(3_600_000),
  monthlyBudget: z.number().nonnegative().nullable(),
  createdAt: epochMs,
});

export const conversationStatus = z.enum(['open', 'snoozed', 'done', 'spam']);

export const conversationValue = z.object({
  accountId: id,
  platform: text(32).min(1),
  kind: z.enum(['comment', 'mention', 'dm']),
  threadExternalId: id,
  post: z.object({ externalId: id, text: text(100_000), permalink: text(2000).nullable(), createdAt: epochMs.nullable() }).nullable(),
  contact: contactValue,
  lastMessageAt: epochMs,
  snippet: text(10_000),
  createdAt: epochMs,
  status: conversationStatus,
  snoozeUntil: epochMs.nullable(),
  assigneeId: id.nullable(),
  priority: z.number().int(),
  urgentAt: epochMs.nullable(),
});

export const assigneeValue = z.object({ personId: id.nullable(), by: text(500).nullable() });

export const tagLinkValue = z.object({ conversationId: id, tag: z.string().trim().min(1).max(100), isPresent: z.boolean() });

export const messageValue = z.object({
  conversationId: id,
  accountId: id,
  externalId: id,
  parentExternalId: id.nullable(),
  direction: z.enum(['in', 'out']),
  contact: contactValue,
  authorLabel: text(1000),
  text: text(100_000),
  createdAt: epochMs,
  receivedAt: epochMs,
  permalink: text(2000).nullable(),
  language: text(32).nullable(),
  hostility: z.number().min(0).max(1),
  platformRef: z.json().nullable(),
  attachments: z.json().nullable(),
  editedAt: epochMs.nullable(),
  sentByKind: z.enum(['person', 'away_reply', 'rule', 'platform']).nullable(),
  sentByPersonId: id.nullable(),
  sentByName: text(500).nullable(),
});

export const messageStateValue = z.object({
  accountId: id,
  externalId: id,
  text: text(100_000),
  editedAt: epochMs.nullable(),
  isHidden: flag,
  isDeleted: flag,
  deletedAt: epochMs.nullable(),
});

export const contactFieldValue = <V extends z.ZodType>(value: V) => z.object({ platform: text(32).min(1), externalId: id, value });

export const noteValue = z.object({
  conversationId: id,
  /** Empty for notes no person wrote (a rule's). */
  authorId: text(200),
  authorName: text(500),
  text: text(20_000),
  kind: z.enum(['note', 'handoff', 'rule']),
  ruleName: text(500).nullable(),
  mentions: z.array(z.json()),
  createdAt: epochMs,
  updatedAt: epochMs,
});

export const activityValue = z.object({
  at: epochMs,
  actor: text(200).min(1),
  action: text(200).min(1),
  subjectType: z.enum(['conversation', 'account', 'message', 'workspace', 'rule']),
  subjectId: id,
  data: z.record(z.string(), z.json()),
});

export const personValue = z.object({
  name: z.string().min(1).max(200),
  schedule: scheduleSchema.nullable(),
  acceptsUrgentOffDuty: flag,
  isOnCall: flag,
  avatarUrl: text(2000).nullable(),
  createdAt: epochMs,
});

export const dutyOverrideValue = z.object({ personId: id, kind: z.enum(['off', 'working']), startsAt: epochMs, endsAt: epochMs, isPresent: z.boolean() }).refine(
  (value) => value.endsAt > value.startsAt,
  'A duty override ends after it starts.',
);

export const ruleDefinitionValue = z.object({ triggerType: text(64).min(1), definition: z.record(z.string(), z.json()), version: z.number().int().min(1) });
export const ruleValue = z.object({
  builtIn: z.enum(['crisis', 'spam']).nullable(),
  name: z.string().min(1).max(200),
  position: z.number().int(),
  isEnabled: flag,
  definition: ruleDefinitionValue,
  createdAt: epochMs,
});
/** A saved version is read back whole by the rule's history: it must be a definition this version can show. */
export const ruleVersionValue = z.object({ ruleId: id, version: z.number().int().min(1), definition: ruleDefinitionSchema, savedAt: epochMs });

export const variantsValue = z.array(z.object({ language: text(16).min(1), platform: text(32), body: text(20_000), position: z.number().int() }));
export const templateValue = z.object({
  name: z.string().min(1).max(200),
  shortcut: z.string().min(1).max(100),
  folder: text(200),
  tags: z.array(z.string().max(100)),
  variants: variantsValue,
  createdAt: epochMs,
});

export const outboxStateValue = z.object({
  state: z.enum(['queued', 'sending', 'sent', 'failed', 'cancelled', 'needs_check']),
  attempts: z.number().int().nonnegative(),
  lastError: text(10_000).nullable(),
  sentExternalId: id.nullable(),
  sentAt: epochMs.nullable(),
  mayHaveReached: flag,
  heldReason: text(1000).nullable(),
});
export const outboxValue = z.object({
  conversationId: id,
  idempotencyKey: id,
  kind: z.enum(['reply', 'away_reply', 'moderation']),
  inReplyToExternalId: id.nullable(),
  text: text(100_000),
  payload: z.record(z.string(), z.json()),
  notBefore: epochMs,
  scheduledFor: epochMs.nullable(),
  queuedByPersonId: id.nullable(),
  createdAt: epochMs,
  state: outboxStateValue,
});
