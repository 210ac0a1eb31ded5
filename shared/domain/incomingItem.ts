import { z } from 'zod';
import { PLATFORMS } from './platform';

/**
 * What a connector hands to ingest: one message, normalised from a platform's payload.
 * Ingest validates every item against this schema; an item that fails is quarantined in
 * `rejected_items` with the reason, and the rest of its batch lands.
 */
export const ITEM_KINDS = ['comment', 'reply', 'mention', 'dm'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

// Validation runs on every ingested item, so each check here is paid a million times in a
// bulk import: plain string checks, no transforms, and a scheme check in place of z.url()
// (which parses every URL and measured 30% of the whole schema).
const externalId = z.string().min(1).max(512).regex(/\S/, 'must not be blank');
// Capped at 2^42 ms (year 2109): message keys pack the time into the high bits of a
// JavaScript-safe integer (see electron/core/ingest/messageKey.ts).
const epochMs = z.number().int().min(0).max(2 ** 42 - 1);
const url = z.string().max(4096).regex(/^https?:\/\/[^\s/?#]+\S*$/i, 'must be an http(s) URL');

export const incomingAuthorSchema = z.object({
  externalId,
  handle: z.string().max(512),
  name: z.string().max(512),
  avatarUrl: url.nullable().default(null),
  followerCount: z.number().int().min(0).nullable().default(null),
});

export const incomingPostSchema = z.object({
  externalId,
  text: z.string().max(100_000),
  permalink: url.nullable().default(null),
  createdAt: epochMs.nullable().default(null),
});

/**
 * An image, video or link that came with a message: shown as a link with its alt text, never
 * loaded without a click (a remote image tells its server who looked, and when).
 */
export const attachmentSchema = z.object({
  kind: z.enum(['image', 'video', 'link']),
  url,
  /** The alt text the author wrote, or a link card's title. */
  alt: z.string().max(2_000).nullable().default(null),
});
export type Attachment = z.output<typeof attachmentSchema>;

/**
 * What a connector needs later to answer or moderate this message (a Bluesky post's URI and CID
 * and its thread root's; a Mastodon status id, visibility and mentions), stored as JSON with it
 * and handed back unchanged. Small by design: it is kept for every message.
 */
export const platformRefSchema = z
  .record(z.string(), z.unknown())
  .refine((ref) => JSON.stringify(ref).length <= 2_048, 'must be at most 2048 characters of JSON');

export const incomingItemSchema = z
  .object({
    platform: z.enum(PLATFORMS),
    kind: z.enum(ITEM_KINDS),
    direction: z.enum(['in', 'out']).default('in'),
    externalId,
    /** The comment thread (top-level comment), the DM conversation, or the mention itself. */
    threadExternalId: externalId,
    parentExternalId: externalId.nullable().default(null),
    author: incomingAuthorSchema,
    text: z.string().max(100_000),
    createdAt: epochMs,
    permalink: url.nullable().default(null),
    /** The post a comment or reply belongs to. */
    post: incomingPostSchema.nullable().default(null),
    /** BCP 47 primary language when the platform or connector knows it ("fr", "en"). */
    language: z.string().regex(/^[a-z]{2,3}$/).nullable().default(null),
    ref: platformRefSchema.nullable().default(null),
    attachments: z.array(attachmentSchema).max(20).default([]),
    /** When the author last edited it, if the platform says. */
    editedAt: epochMs.nullable().default(null),
  })
  .superRefine((item, ctx) => {
    if ((item.kind === 'comment' || item.kind === 'reply') && item.post === null) {
      ctx.addIssue({ code: 'custom', path: ['post'], message: `a ${item.kind} needs the post it belongs to` });
    }
  });

/** A validated item, defaults applied. */
export type IncomingItem = z.output<typeof incomingItemSchema>;
/** What a connector may produce before defaults are applied. */
export type IncomingItemInput = z.input<typeof incomingItemSchema>;

/**
 * A change to a message already stored: an edit, a deletion on the platform (the message is kept
 * here and shown as deleted), or its hidden state. An update for a message never stored is
 * ignored: it may simply be older than the backfill.
 */
export const messageUpdateSchema = z.discriminatedUnion('change', [
  z.object({ change: z.literal('edited'), platform: z.enum(PLATFORMS), externalId, text: z.string().max(100_000), editedAt: epochMs, attachments: z.array(attachmentSchema).max(20).optional() }),
  z.object({ change: z.literal('deleted'), platform: z.enum(PLATFORMS), externalId, deletedAt: epochMs }),
  z.object({ change: z.literal('hidden'), platform: z.enum(PLATFORMS), externalId, isHidden: z.boolean() }),
]);
export type MessageUpdate = z.output<typeof messageUpdateSchema>;
export type MessageUpdateInput = z.input<typeof messageUpdateSchema>;
