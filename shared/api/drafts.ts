import { z } from 'zod';
import { method } from './method';
import { REPLY_TEXT_MAX } from './outbox';

const conversationId = z.string().min(1).max(64);

/** A reply being written in a conversation, kept by the core until it is sent or cleared. */
export type Draft = {
  conversationId: string;
  text: string;
  /** When the person began it (the core's clock): replies from elsewhere after it are news to them. */
  startedAt: number;
  updatedAt: number;
};

/**
 * Replies that reached a conversation from elsewhere (an away reply, another window, the
 * command line, the platform's own app) after a moment: queued or sent, never cancelled.
 */
export type RepliesSince = { count: number; latestAt: number | null };

/** The latest reply by a teammate (not the person at this desktop): queued, being sent or sent. */
export type TeammateReply = { name: string; at: number };

export const draftsContract = {
  /** The conversation's draft, or null when nothing is being written there. */
  'drafts.get': method<Draft | null>()(z.strictObject({ conversationId })),
  /** Keeps the text as typed; an empty text is no draft (use `drafts.clear`). */
  'drafts.save': method<Draft>()(
    z.strictObject({
      conversationId,
      text: z.string().max(REPLY_TEXT_MAX).refine((text) => text.trim() !== '', { message: 'A draft needs some text: clear it instead' }),
    }),
  ),
  'drafts.clear': method<{ isCleared: boolean }>()(z.strictObject({ conversationId })),
  /**
   * Replies in the conversation recorded after `since` (a draft's `startedAt`, or the latest the
   * person was told about), except the one queued with `exceptKey` (the composer's own send).
   */
  'drafts.repliesSince': method<RepliesSince>()(
    z.strictObject({ conversationId, since: z.number().int().nonnegative(), exceptKey: z.string().min(8).max(100) }),
  ),
  /**
   * The latest reply a teammate queued or sent in the conversation after `since` (the composer
   * asks before sending over it), or null.
   */
  'drafts.teammateReplySince': method<TeammateReply | null>()(z.strictObject({ conversationId, since: z.number().int().nonnegative() })),
};
