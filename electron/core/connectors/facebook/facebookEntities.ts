import { z } from 'zod';

/**
 * Graph objects as Pieuvre reads them (fields named in each request, see facebookFields.ts).
 * Loose where Graph leaves fields out (a field the token may not see is simply absent), strict on
 * what a message cannot do without: an id, a time, an author.
 */
const id = z.string().min(1).max(256);
/** Graph's times: ISO 8601 with a `+0000` offset. */
const graphTime = z.string().min(1).max(64);
const person = z.object({ id, name: z.string().max(512).catch('') });
/** A side field that is malformed is dropped rather than the message: the words and who wrote them matter more than a link. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
/** Graph leaves out `message` for a photo-only comment; null is read the same way. */
const text = z.string().nullish().transform((value) => value ?? '');

/** A list edge: `data` and, while there is more, `paging.cursors.after` with `paging.next`. */
export const graphListSchema = z.object({
  data: z.array(z.unknown()),
  paging: z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});

export const postSchema = z.object({
  id,
  message: text,
  created_time: graphTime,
  updated_time: lenient(graphTime),
  permalink_url: lenient(z.string()),
});
export type GraphPost = z.output<typeof postSchema>;

export const commentSchema = z.object({
  id,
  message: text,
  created_time: graphTime,
  from: person,
  parent: z.object({ id }).optional(),
  permalink_url: lenient(z.string()),
  is_hidden: lenient(z.boolean()),
  attachment: lenient(z.object({ type: lenient(z.string()), url: lenient(z.string()), media: lenient(z.object({ image: lenient(z.object({ src: z.string() })) })) })),
});
export type GraphComment = z.output<typeof commentSchema>;

export const conversationSchema = z.object({ id, updated_time: graphTime, link: z.string().optional() });
export type GraphConversation = z.output<typeof conversationSchema>;

export const messageSchema = z.object({
  id,
  created_time: graphTime,
  from: person,
  to: lenient(z.object({ data: z.array(person) })),
  message: text,
  attachments: lenient(z.object({ data: z.array(z.object({ image_data: lenient(z.object({ url: z.string() })), file_url: lenient(z.string()), name: lenient(z.string()) })) })),
});
export type GraphMessage = z.output<typeof messageSchema>;
