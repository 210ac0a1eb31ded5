import { z } from 'zod';
import type { PlatformRef } from '../connector';

/**
 * What each Instagram message keeps for answering and moderating it later: a comment's media and
 * top-level comment (replies go to the top-level one, as Instagram files them) and whether it was
 * hidden; a DM's conversation and the person in it (the Send API's recipient).
 */
export const commentRefSchema = z.object({ kind: z.literal('comment'), mediaId: z.string(), topId: z.string(), hidden: z.boolean(), createdAt: z.number() });
export const dmRefSchema = z.object({ kind: z.literal('dm'), conversationId: z.string(), participantId: z.string(), createdAt: z.number() });
/** The account's private reply to a comment's author (a message in their conversation), kept in the comment's thread. */
export const privateReplyRefSchema = z.object({ kind: z.literal('private_reply'), commentId: z.string(), createdAt: z.number() });
export type CommentRef = z.output<typeof commentRefSchema>;
export type DmRef = z.output<typeof dmRefSchema>;
export type PrivateReplyRef = z.output<typeof privateReplyRefSchema>;

const refSchema = z.discriminatedUnion('kind', [commentRefSchema, dmRefSchema, privateReplyRefSchema]);

export function readRef(ref: PlatformRef): CommentRef | DmRef | PrivateReplyRef | null {
  const parsed = refSchema.safeParse(ref);
  return parsed.success ? parsed.data : null;
}
