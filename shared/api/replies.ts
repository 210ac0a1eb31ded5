import { z } from 'zod';
import type { Platform } from '../domain/platform';
import { method } from './method';

/** Why a platform would refuse a reply, in terms the composer words in the person's language (`isAtLeast`: see `ReplyCheck`). */
export type ReplyProblem =
  | { code: 'too_long'; length: number; max: number; isAtLeast: boolean }
  | { code: 'window_closed'; closedAt: number }
  | { code: 'closes_before_send'; closesAt: number; sendAt: number }
  | { code: 'needs_mention'; handle: string }
  | { code: 'comment_hidden' }
  /** A private reply (Meta): past its 7 days after the comment, or one was already sent (or queued) for it. */
  | { code: 'private_reply_closed'; closedAt: number }
  | { code: 'private_reply_used' }
  | { code: 'private_reply_unavailable' };

/** A draft measured against its platform's rules, as the composer shows it live. */
export type ReplyCheck = {
  length: number;
  /** `length` is only a minimum, already over `maxLength`: a text that long is not measured further. */
  isLengthAtLeast: boolean;
  /** `length` is only a maximum, already within `maxLength`: a text that surely fits is not measured further. */
  isLengthAtMost: boolean;
  maxLength: number;
  /** How the platform counts this reply: a DM may count otherwise than a comment (Instagram's Send API counts UTF-8 bytes). */
  lengthUnit: 'characters' | 'graphemes' | 'twitter-weighted' | 'utf8-bytes';
  /** For DMs with a messaging window: when it closes, and how long a person may still answer past it. */
  window: { closesAt: number; humanAgentClosesAt: number | null } | null;
  /** Sent at the time asked, the reply goes out under Meta's HUMAN_AGENT tag. */
  needsHumanAgent: boolean;
  /**
   * Meta's Private Replies for a comment: until when its author can be answered once in
   * Messenger, and whether that one reply is already sent or queued. Null: not offered here.
   */
  privateReply: { closesAt: number; isUsed: boolean } | null;
  /** Empty when the platform would take it. */
  problems: ReplyProblem[];
};

/** Per platform: how long after a person's last DM it can be answered (the list's countdown badge). */
export type ReplyWindows = Partial<Record<Platform, { dmReplyWindowMs: number; dmHumanAgentWindowMs: number | null }>>;

export const repliesContract = {
  /** Checks a draft against the conversation's platform rules, sent now or at `sendAt`. */
  'replies.check': method<ReplyCheck>()(
    z.strictObject({
      conversationId: z.string().min(1).max(64),
      text: z.string().max(100_000),
      sendAt: z.number().int().positive().optional(),
      /** Checked as a private reply in Messenger to the comment's author. */
      privately: z.boolean().optional(),
    }),
  ),
  'replies.windows': method<ReplyWindows>()(z.strictObject({})),
};
