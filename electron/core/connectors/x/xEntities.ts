import { z } from 'zod';

/**
 * The parts of X API v2's objects Pieuvre reads (openapi.json v2.167, docs.x.com). The guides
 * and the live API name them `tweet.fields`, `referenced_tweets` and `includes.tweets`; the
 * 2026 spec renames them `post.fields`, `referenced_posts` and `includes.posts`: both are read.
 */

/** X's ids are 64-bit snowflakes, sent as decimal strings. */
export const xId = z.string().regex(/^[0-9]{1,19}$/u, 'must be an X id (digits)');

/**
 * What a message can do without (a name, a picture, a language, links) is read leniently: one
 * malformed field of that kind is dropped rather than losing the message.
 */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);

export const xUserSchema = z.object({
  id: xId,
  username: z.string().min(1).max(64),
  name: optional(z.string().max(512)),
  profile_image_url: optional(z.string()),
  verified: optional(z.boolean()),
  public_metrics: optional(z.object({ followers_count: z.number().nullish() })),
});
export type XUser = z.output<typeof xUserSchema>;

const referenceSchema = z.object({ type: z.enum(['replied_to', 'quoted', 'retweeted']), id: xId });

const entitiesSchema = optional(
  z.object({
    mentions: optional(z.array(z.object({ username: z.string(), id: xId.nullish() }))),
    urls: optional(z.array(z.object({ url: z.string().nullish(), expanded_url: z.string().nullish(), title: z.string().nullish() }))),
  }),
);

export const xPostSchema = z.object({
  id: xId,
  text: z.string().max(100_000),
  author_id: xId,
  created_at: z.string(),
  conversation_id: optional(xId),
  in_reply_to_user_id: optional(xId),
  referenced_tweets: optional(z.array(referenceSchema)),
  referenced_posts: optional(z.array(referenceSchema)),
  entities: entitiesSchema,
  lang: optional(z.string()),
});
export type XPost = z.output<typeof xPostSchema>;

/** What a post refers to, under either of its names. */
export const referencesOf = (post: Pick<XPost, 'referenced_tweets' | 'referenced_posts'>) => post.referenced_tweets ?? post.referenced_posts ?? [];

export const xDmEventSchema = z.object({
  id: xId,
  event_type: z.string(),
  text: z.string().max(100_000).nullish(),
  sender_id: xId.nullish(),
  dm_conversation_id: z.string().min(1).max(128).nullish(),
  created_at: z.string().nullish(),
});
export type XDmEvent = z.output<typeof xDmEventSchema>;

/** A list answer's envelope; its items stay unknown here so that one bad item is rejected alone. */
export const xListSchema = z.object({
  data: z.array(z.unknown()).nullish(),
  includes: z.object({ users: z.array(z.unknown()).nullish(), tweets: z.array(z.unknown()).nullish(), posts: z.array(z.unknown()).nullish() }).nullish(),
  meta: z.object({ result_count: z.number().nullish(), next_token: z.string().nullish(), newest_id: z.string().nullish(), oldest_id: z.string().nullish() }).nullish(),
  errors: z.array(z.unknown()).nullish(),
});
export type XList = z.output<typeof xListSchema>;

/** RFC 7807 problem details, X's error body (`type` under api.x.com or api.twitter.com). */
export const xProblemSchema = z.object({
  type: z.string().nullish(),
  title: z.string().nullish(),
  detail: z.string().nullish(),
  status: z.number().nullish(),
  reason: z.string().nullish(),
});
export type XProblem = z.output<typeof xProblemSchema>;

export const xCreatedPostSchema = z.object({ data: z.object({ id: xId, text: z.string() }) });
export const xCreatedDmSchema = z.object({ data: z.object({ dm_conversation_id: z.string().min(1), dm_event_id: xId }) });
export const xMeSchema = z.object({ data: xUserSchema });
