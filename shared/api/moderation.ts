import { z } from 'zod';
import { MODERATION_ACTIONS, REPORT_REASON_MAX, type ModerationAction } from '../domain/moderation';
import { method } from './method';
import type { OutboxItem } from './outbox';

/**
 * The moderation actions each connected account allows, by account id (`Conversation.accountId`),
 * for the UI to offer only those: rights differ between two accounts of one platform.
 */
export type ModerationCapabilities = Readonly<Record<string, readonly ModerationAction[]>>;

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
    /** Why, for a report: the person's words, passed to the platform's moderators. */
    reason: z.string().trim().max(REPORT_REASON_MAX).optional(),
  })
  .refine((input) => (input.messageIds === undefined) !== (input.conversationIds === undefined), {
    message: 'give either messageIds or conversationIds',
  })
  .refine((input) => input.reason === undefined || input.action === 'report', { message: 'a reason goes only with a report', path: ['reason'] });

export const moderationContract = {
  /**
   * Queues one moderation action per message in the outbox, after checking that every target's
   * account allows it (else nothing is queued). What is undone in one step (hide, mute, unblock
   * and their opposites) goes at once; the others wait for the person's undo delay. An identical
   * action still waiting is returned, not queued twice.
   */
  'moderation.act': method<OutboxItem[]>()(moderationActSchema),
  'moderation.capabilities': method<ModerationCapabilities>()(z.strictObject({})),
};
