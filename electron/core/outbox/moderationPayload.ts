import { z } from 'zod';
import type { ModerationTarget } from '../../../shared/api/outbox';
import { MODERATION_ACTIONS, REPORT_REASON_MAX } from '../../../shared/domain/moderation';
import type { ModerationRequest } from '../connectors/connector';
import type { ModerationRefs } from './platformRefs';
import { describeIssues } from '../../../shared/api/describeIssues';

/**
 * The `payload` of an outbox row of kind `moderation`: what the platform is asked (the
 * connector's request) plus what the UI names it by, captured when it was queued.
 */
export const moderationPayloadSchema = z.strictObject({
  action: z.enum(MODERATION_ACTIONS),
  messageExternalId: z.string().min(1),
  authorExternalId: z.string().min(1),
  /** The message's local id (`Message.id`), to flag it once done. */
  messageId: z.string().regex(/^\d+$/u),
  authorName: z.string(),
  /** A report's reason in the person's words; absent from rows queued before reports existed. */
  reason: z.string().max(REPORT_REASON_MAX).nullable().default(null),
  /** The rule that asked for it, as it was named then; null for a person's. */
  rule: z.strictObject({ id: z.string().min(1), name: z.string() }).nullable().default(null),
});
export type ModerationPayload = z.output<typeof moderationPayloadSchema>;

/** Reads a stored payload; a malformed one is a bug, reported with what is wrong rather than sent. */
export function parseModerationPayload(json: string): ModerationPayload {
  const parsed = moderationPayloadSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`Unreadable moderation payload: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export const toModerationRequest = ({ action, messageExternalId, authorExternalId, reason }: ModerationPayload, refs: ModerationRefs): ModerationRequest => ({
  action,
  messageExternalId,
  messageRef: refs.messageRef,
  authorExternalId,
  undoRef: refs.undoRef,
  reason,
});

export const toModerationTarget = ({ action, messageId, authorName }: ModerationPayload): ModerationTarget => ({ action, messageId, author: authorName });
