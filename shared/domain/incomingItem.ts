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
