import { z } from 'zod';

/**
 * Reddit's JSON as the Data API reference (reddit.com/dev/api) and its long-form notes
 * (Pyprohly/reddit-api-doc-notes, "Direct Message" and "Comment" schemas) describe it. Loose on
 * purpose where Reddit adds fields: only what Pieuvre reads is checked.
 */

/** `t1_abc`, `t4_xyz`: a thing's kind and its base-36 id. */
export const fullname = z.string().regex(/^t[1-6]_[0-9a-z]{1,16}$/u, 'must be a Reddit fullname');

/**
 * One item of the inbox (`GET /message/inbox`): a composed message (`kind: t4`) or a comment
 * message (`kind: t1`: a reply to the brand's post or comment, or a username mention).
 */
export const inboxMessageSchema = z.object({
  kind: z.enum(['t1', 't4']),
  data: z.object({
    name: fullname,
    author: z.string().max(64).nullable(),
    author_fullname: z.string().max(32).nullable().optional(),
    subreddit: z.string().max(64).nullish(),
    dest: z.string().max(64).nullable().optional(),
    subject: z.string().max(400).nullable().optional(),
    body: z.string().max(100_000),
    created_utc: z.number().nonnegative(),
    parent_id: fullname.nullable().optional(),
    first_message_name: fullname.nullable().optional(),
    type: z.string().max(64).optional(),
    was_comment: z.boolean(),
    /** Empty for a composed message. */
    context: z.string().max(2_000).default(''),
    link_title: z.string().max(400).optional(),
  }),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

/** Reddit's largest listing page (`limit` at most 100). */
export const PAGE_SIZE = 100;

/** A listing: its things, and where the next (older) page starts (`after`). */
export const listingSchema = z.object({
  kind: z.literal('Listing'),
  data: z.object({ children: z.array(z.unknown()), after: z.string().nullable(), before: z.string().nullable().optional() }),
});

/** A comment as `/api/info` and a user's comment history give it: enough to notice an edit, a deletion or a removal. */
export const commentSchema = z.object({
  kind: z.literal('t1'),
  data: z.object({
    name: fullname,
    author: z.string().max(64),
    author_fullname: z.string().max(32).nullable().optional(),
    body: z.string().max(100_000),
    parent_id: fullname.nullable().optional(),
    link_id: fullname.optional(),
    link_title: z.string().max(400).optional(),
    created_utc: z.number().nonnegative(),
    /** `false`, or when it was last edited (Unix seconds). */
    edited: z.union([z.boolean(), z.number()]),
    permalink: z.string().max(2_000).optional(),
    /** Moderators only: whether a moderator removed it (absent for others). */
    removed: z.boolean().optional(),
    subreddit: z.string().max(64).optional(),
  }),
});
export type RedditComment = z.infer<typeof commentSchema>;

/** A composed message as `/message/sent` lists it. */
export const sentMessageSchema = z.object({
  kind: z.literal('t4'),
  data: z.object({ name: fullname, author: z.string().max(64).nullable(), body: z.string().max(100_000), created_utc: z.number().nonnegative(), parent_id: fullname.nullable().optional() }),
});

/** `GET /api/v1/me`: who the token belongs to. */
export const meSchema = z.object({ id: z.string().min(1).max(32), name: z.string().min(1).max(64), icon_img: z.string().max(4096).optional() });

/**
 * What `api_type=json` endpoints answer: `{"json": {"errors": [["RATELIMIT", "…", "ratelimit"]], "data": {…}}}`.
 * An error is a code, its sentence and the field it concerns.
 */
export const jsonEnvelopeSchema = z.object({
  json: z.object({
    errors: z.array(z.tuple([z.string(), z.string(), z.string().nullable()]).rest(z.unknown())),
    data: z.object({ things: z.array(z.unknown()) }).optional(),
  }),
});

/** An OAuth token answer (RFC 6749 §5.1); `refresh_token` only with `duration=permanent`. */
export const tokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
  refresh_token: z.string().min(1).optional(),
});
