import { z } from 'zod';

/**
 * The Instagram Platform's objects as the connector asks for them (fields named in each request,
 * see instagramFields.ts). Pages are read loosely (each entry is parsed on its own, so one bad
 * comment is quarantined instead of failing its page); entries strictly enough to be trusted.
 */
export const graphPageSchema = z.object({
  data: z.array(z.unknown()),
  paging: z.object({ next: z.string().max(4_096).optional() }).optional(),
});
export type GraphPage = z.output<typeof graphPageSchema>;

const id = z.string().regex(/^[\w.:-]{1,128}$/u, 'must be a Graph id');
/** Meta's times: ISO 8601 with a `+0000` offset (`2017-08-31T18:10:30+0000`). */
const graphTime = z.string().max(40);

export const mediaSchema = z.object({
  id,
  caption: z.string().max(100_000).optional(),
  permalink: z.string().max(4_096).optional(),
  timestamp: graphTime,
  comments_count: z.number().int().min(0).optional(),
});
export type InstagramMedia = z.output<typeof mediaSchema>;

// What a comment cannot do without (its id, words, time) is strict; the rest, when malformed,
// is read as absent rather than costing the comment (and its replies).
const commentFields = {
  id,
  text: z.string().max(100_000),
  timestamp: graphTime,
  from: z.object({ id, username: z.string().min(1).max(128) }).optional().catch(undefined),
  username: z.string().min(1).max(128).optional().catch(undefined),
  hidden: z.boolean().optional().catch(undefined),
  parent_id: id.optional().catch(undefined),
  like_count: z.number().int().min(0).optional().catch(undefined),
};
export const replySchema = z.object(commentFields);
export const commentSchema = z.object({ ...commentFields, replies: z.object({ data: z.array(z.unknown()) }).optional().catch(undefined) });
export type InstagramComment = z.output<typeof replySchema>;

export const conversationSchema = z.object({ id, updated_time: graphTime });
export type InstagramConversation = z.output<typeof conversationSchema>;

const participant = z.object({ id, username: z.string().min(1).max(128).optional().catch(undefined) });
export const messageSchema = z.object({
  id: z.string().min(1).max(512).regex(/\S/u, 'must not be blank'),
  created_time: graphTime,
  from: participant,
  to: z.object({ data: z.array(participant).min(1) }).optional().catch(undefined),
  message: z.string().max(100_000).optional(),
});
export type InstagramMessage = z.output<typeof messageSchema>;

/** `GET /me`: the professional account (`user_id` is the id messages and webhooks use). */
export const meSchema = z.object({ id, user_id: id.optional(), username: z.string().min(1).max(128), name: z.string().max(512).optional() });
