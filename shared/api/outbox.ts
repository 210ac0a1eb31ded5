import { z } from 'zod';
import type { ModerationAction } from '../domain/moderation';
import type { Platform } from '../domain/platform';
import { method } from './method';

const id = z.string().min(1).max(64);

export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed', 'cancelled', 'needs_check'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * When a reply goes out. `nextWorkingTime` is the composer's default off duty: the writer's
 * next shift start. `tomorrowMorning` is 09:00 tomorrow in the writer's zone.
 */
export const sendWhenSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('now') }),
  z.strictObject({ kind: z.literal('nextWorkingTime') }),
  z.strictObject({ kind: z.literal('tomorrowMorning') }),
  z.strictObject({ kind: z.literal('at'), at: z.number().int().positive() }),
]);
export type SendWhen = z.output<typeof sendWhenSchema>;

export const OUTBOX_KINDS = ['reply', 'away_reply', 'moderation'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** What a moderation item does, to which message (`Message.id`) by whom. */
export type ModerationTarget = { action: ModerationAction; messageId: string; author: string };

/** One send in the outbox, as the composer, the thread and the Outbox view show it. */
export type OutboxItem = {
  id: string;
  conversationId: string;
  platform: Platform;
  kind: OutboxKind;
  /** Who the reply is for: the conversation's contact. */
  recipient: string;
  /** The reply's text; empty for a moderation action. */
  text: string;
  /** Set for kind `moderation` only. */
  moderation: ModerationTarget | null;
  state: OutboxState;
  /**
   * Failures that bring giving up closer: a 5xx, a timeout, a refusal. Waiting for the network
   * or a rate limit, a crash, or a check held for the person never count.
   */
  attempts: number;
  /**
   * An earlier attempt may have reached the platform (a timeout after handing it over, a
   * crash): the next attempt asks the platform first, and it can no longer be edited or
   * cancelled, since a new draft could double a reply that is already there.
   */
  mayHaveReached: boolean;
  /** When it will next be tried: the end of the undo delay, the scheduled time or the next retry. */
  notBefore: number;
  /** The time the person chose, when they scheduled it. */
  scheduledFor: number | null;
  lastError: string | null;
  sentAt: number | null;
  createdAt: number;
  /**
   * The account's handle when its platform refused its token and the person must reconnect it:
   * what waits for it goes once it is back. Null while the account is fine.
   */
  accountToReconnect: string | null;
  /**
   * An automatic send paused for a person's OK: the sensitive topics that were active when it
   * was queued. It goes only once released (`outbox.releaseHeld`); null when not held.
   */
  heldFor: string[] | null;
  /** The rule that queued an automatic reply or moderation; null for a person's, or an away reply. */
  ruleName: string | null;
  /** A private reply in Messenger to the comment's author (Meta's Private Replies), not a public one. */
  isPrivateReply: boolean;
};

export type OutboxCounts = {
  /** Waiting for their time or being sent. */
  pending: number;
  /** Failed, or needing the person to check the platform. */
  problems: number;
  /**
   * Of the problems, those held for checking: an attempt may have reached a platform that cannot
   * tell. They are never sent again blind: the person looks, then marks them sent or sends again.
   */
  needsCheck: number;
};

export type OutboxSettings = { undoSendMs: number };

/** The longest reply the API takes, and so the longest draft the composer keeps. */
export const REPLY_TEXT_MAX = 100_000;
const text = z.string().trim().min(1).max(REPLY_TEXT_MAX);

export const outboxContract = {
  /**
   * Queues a reply: a row first, then the network. The same idempotency key returns the same
   * row, so a send retried after an unclear failure is never a second reply.
   */
  'outbox.send': method<OutboxItem>()(
    z.strictObject({
      conversationId: id, text, idempotencyKey: z.string().min(8).max(100), when: sendWhenSchema,
      /** Sent from the composer: the conversation's draft goes, in the same transaction (the outbox owns the text from then). */
      clearsDraft: z.boolean().default(false),
      /** A comment answered privately, in Messenger (Meta's Private Replies; `replies.check` says when it can). */
      privately: z.boolean().default(false),
    }),
  ),
  /** `pending`: queued or sending; `problems`: failed or needing a check; by conversation if given. */
  'outbox.list': method<OutboxItem[]>()(
    z.strictObject({ scope: z.enum(['pending', 'problems', 'all']), conversationId: id.optional(), limit: z.number().int().min(1).max(500).default(200) }),
  ),
  'outbox.counts': method<OutboxCounts>()(z.strictObject({})),
  /** Pulls a reply back: undo within the delay, or a scheduled one before its time. */
  'outbox.cancel': method<OutboxItem>()(z.strictObject({ id })),
  /** Changes a reply's text or time while it still waits. */
  'outbox.edit': method<OutboxItem>()(
    z.strictObject({ id, text: text.optional(), when: sendWhenSchema.optional() }).refine((edit) => edit.text !== undefined || edit.when !== undefined, {
      message: 'An edit needs a new text or a new time',
    }),
  ),
  /** Tries a failed reply again; for one needing a check, the person has looked: send it again. */
  'outbox.retry': method<OutboxItem>()(z.strictObject({ id })),
  /** The person found a reply needing a check on the platform: it was sent. */
  'outbox.markSent': method<OutboxItem>()(z.strictObject({ id })),
  'outbox.settings': method<OutboxSettings>()(z.strictObject({})),
  'outbox.setUndoDelay': method<OutboxSettings>()(z.strictObject({ undoSendMs: z.number().int().min(0).max(60_000) })),
};
