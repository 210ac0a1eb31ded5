import { z } from 'zod';

/**
 * Graph objects as Pieuvre reads them (fields named in each request, see facebookFields.ts).
 * Loose where Graph leaves fields out (a field the token may not see is simply absent), strict on
 * what a message cannot do without: an id, a time, an author.
 */
const id = z.string().min(1).max(256);
/** Graph's times: ISO 8601 with a `+0000` offset. */
const graphTime = z.string().min(1).max(64);
const person = z.object({ id, name: z.string().max(512).default('') });

/** A list edge: `data` and, while there is more, `paging.cursors.after` with `paging.next`. */
export const graphListSchema = z.object({
  data: z.array(z.unknown()),
  paging: z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});

export const postSchema = z.object({
  id,
  message: z.string().default(''),
  created_time: graphTime,
  updated_time: graphTime.optional(),
  permalink_url: z.string().optional(),
});
export type GraphPost = z.output<typeof postSchema>;

export const commentSchema = z.object({
  id,
  message: z.string().default(''),
  created_time: graphTime,
  from: person,
  parent: z.object({ id }).optional(),
  permalink_url: z.string().optional(),
  is_hidden: z.boolean().optional(),
  attachment: z.object({ type: z.string().optional(), url: z.string().optional(), media: z.object({ image: z.object({ src: z.string() }).optional() }).optional() }).optional(),
});
export type GraphComment = z.output<typeof commentSchema>;

export const conversationSchema = z.object({ id, updated_time: graphTime, link: z.string().optional() });
export type GraphConversation = z.output<typeof conversationSchema>;

export const messageSchema = z.object({
  id,
  created_time: graphTime,
  from: person,
  to: z.object({ data: z.array(person) }).optional(),
  message: z.string().default(''),
  attachments: z.object({ data: z.array(z.object({ image_data: z.object({ url: z.string() }).optional(), file_url: z.string().optional(), name: z.string().optional() })) }).optional(),
});
export type GraphMessage = z.output<typeof messageSchema>;

/** Graph's time in epoch ms, or null when it is not one. */
export function graphTimeMs(value: string): number | null {
  // `+0000` is read by Date.parse, but only with the colon in some engines: add it.
  const at = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/u, '$1:$2'));
  return Number.isFinite(at) && at >= 0 && at < 2 ** 42 ? at : null;
}
