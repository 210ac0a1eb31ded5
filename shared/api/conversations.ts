import { z } from 'zod';
import { CONVERSATION_KINDS, CONVERSATION_STATUSES } from '../domain/entities';
import type { Conversation, ConversationDetail, Page } from '../domain/entities';
import { PLATFORMS } from '../domain/platform';
import { method } from './method';
import { plainText } from '../text/plainText';

const id = z.string().min(1).max(64);
/** A note kept with an assignment: a line or two for the teammate, not a message. */
export const ASSIGN_NOTE_MAX = 500;

const tagName = plainText(z.string().trim().min(1).max(100));
const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).min(1).max(50)]);

export const conversationQuerySchema = z.strictObject({
  status: oneOrMany(z.enum(CONVERSATION_STATUSES)).optional(),
  platform: oneOrMany(z.enum(PLATFORMS)).optional(),
  accountId: oneOrMany(id).optional(),
  kind: oneOrMany(z.enum(CONVERSATION_KINDS)).optional(),
  /** A person's id, or null for unassigned conversations. */
  assigneeId: id.nullable().optional(),
  /** Conversations assigned to the person using this desktop (a saved view keeps meaning "mine" on every desktop). */
  assignedToMe: z.literal(true).optional(),
  /** Conversations with a reply being written (a draft), whatever their status. */
  hasDraft: z.literal(true).optional(),
  /** Conversations with this contact (the contact card's "other conversations"). */
  contactId: id.optional(),
  tag: plainText(z.string().min(1).max(100)).optional(),
  unread: z.boolean().optional(),
  urgent: z.boolean().optional(),
  /** Full-text: conversations with a message matching every word (accents and case ignored). */
  text: plainText(z.string().trim().min(1).max(500)).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** `nextCursor` from the previous page. */
  cursor: z.string().max(200).nullable().optional(),
});
export type ConversationQuery = z.input<typeof conversationQuerySchema>;

/** Everything the sidebar counts, in one call: cheap, from the trigger-kept counts table. */
export type ConversationCounts = {
  byStatus: Record<(typeof CONVERSATION_STATUSES)[number], number>;
  /** Open conversations only, as the sidebar's views show them. */
  openUnread: number;
  openUrgent: number;
  /** Open conversations assigned to the person using this desktop. */
  openAssignedToMe: number;
  /** Conversations with a draft, whatever their status. */
  drafts: number;
  openByKind: Record<(typeof CONVERSATION_KINDS)[number], number>;
  openByPlatform: Partial<Record<(typeof PLATFORMS)[number], number>>;
};

export const setStatusSchema = z
  .strictObject({
    ids: z.array(id).min(1).max(1000),
    status: z.enum(CONVERSATION_STATUSES),
    /** Required with status "snoozed": when the conversation comes back (epoch ms). */
    snoozeUntil: z.number().int().positive().optional(),
  })
  .refine((input) => (input.status === 'snoozed') === (input.snoozeUntil !== undefined), {
    path: ['snoozeUntil'],
    message: 'snoozeUntil is required with status "snoozed" and only then',
  });

/**
 * What a triage call answers: how many conversations it touched, and the change's id in the
 * core's undo journal, for `conversations.undo`.
 */
export type TriageResult = { updated: number; undoId: string };

export const conversationsContract = {
  'conversations.list': method<Page<Conversation>>()(conversationQuerySchema),
  'conversations.get': method<ConversationDetail>()(z.strictObject({ id })),
  'conversations.counts': method<ConversationCounts>()(z.strictObject({})),
  'conversations.setStatus': method<TriageResult>()(setStatusSchema),
  'conversations.markRead': method<TriageResult>()(
    z.strictObject({ ids: z.array(id).min(1).max(1000), read: z.boolean().default(true) }),
  ),
  /** Marks conversations urgent by hand (escalated like the crisis keywords do), or not urgent any more. */
  'conversations.setUrgent': method<TriageResult>()(z.strictObject({ ids: z.array(id).min(1).max(1000), isUrgent: z.boolean() })),
  /**
   * Assigns conversations to a person (by id), or unassigns them with null; on the record as
   * `conversation.assigned`, with the note for whoever picks them up, if any.
   */
  'conversations.assign': method<TriageResult>()(
    z.strictObject({ ids: z.array(id).min(1).max(1000), assigneeId: id.nullable(), note: z.string().trim().max(ASSIGN_NOTE_MAX).optional() }),
  ),
  'conversations.tag': method<TriageResult>()(
    z.strictObject({
      ids: z.array(id).min(1).max(1000),
      add: z.array(tagName).max(20).default([]),
      remove: z.array(tagName).max(20).default([]),
    }),
  ),
  /**
   * Puts back exactly what one triage call changed (status and snooze time, read state, tags,
   * assignee or urgency, as each conversation was), in one transaction. Refused as a whole
   * (`conflict`, reason `changed_since`) when any of them changed in that field since, and
   * (`not_found`, reason `undo_gone`) once undone or too old. Answers the ids restored.
   */
  'conversations.undo': method<{ restoredIds: string[] }>()(z.strictObject({ undoId: id })),
};
