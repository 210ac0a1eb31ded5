import { z } from 'zod';
import { MODERATION_ACTIONS, type ModerationAction } from '../domain/moderation';
import type { Platform } from '../domain/platform';
import { method } from './method';
import type { OutboxItem } from './outbox';

/** The connected platforms and the moderation actions each allows, for the UI to offer only those. */
export type ModerationCapabilities = Partial<Record<Platform, readonly ModerationAction[]>>;

/** The most messages (or conversations) one call acts on: a page of the list at most. */
export const MODERATION_BATCH_MAX = 200;

const messageId = z.string().regex(/^\d+$/u, 'must be a message id');
const conversationId = z.string().min(1).max(64);

export const moderationActSchema = z
  .strictObject({
    action: z.enum(MODERATION_ACTIONS),
    /** Messages from others, by `Message.id`. */
    messageIds: z.array(messageId).min(1).max(MODERATION_BATCH_MAX).optional(),
    /** For a bulk action from the list: each conversation's latest message from someone else. */
    conversationIds: z.array(conversationId).min(1).max(MODERATION_BATCH_MAX).optional(),
  })
  .refine((input) => (input.messageIds === undefined) !== (input.conversationIds === undefined), {
    message: 'give either messageIds or conversationIds',
  });

export const moderationContract = {
  /**
   * Queues one moderation action per message in the outbox, after checking that every target's
   * platform allows it (else nothing is queued). Hide and unhide go at once; the others wait for
   * the person's undo delay. An identical action still waiting is returned, not queued twice.
   */
  'moderation.act': method<OutboxItem[]>()(moderationActSchema),
  'moderation.capabilities': method<ModerationCapabilities>()(z.strictObject({})),
};
