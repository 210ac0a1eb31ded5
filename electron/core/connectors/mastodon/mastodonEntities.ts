import { z } from 'zod';

/**
 * The parts of Mastodon's entities Pieuvre reads, as loose as the servers that speak its API:
 * snac2, GoToSocial and Akkoma leave out fields Mastodon always sends, so only what cannot be
 * done without is required (https://docs.joinmastodon.org/entities/).
 */

const text = z.string().nullish().transform((value) => value ?? null);

export const accountSchema = z.object({
  id: z.string().min(1),
  username: z.string().nullish(),
  /** Bare (`name`) for the server's own accounts, `name@host` for the others. */
  acct: z.string().min(1),
  display_name: text,
  /** The ActivityPub id (Mastodon 4.2+); `url` is the profile page. */
  uri: text,
  url: text,
  avatar: text,
  followers_count: z.number().nullish(),
});
export type MastodonAccount = z.output<typeof accountSchema>;

const mediaSchema = z.object({
  type: z.string().nullish(),
  url: text,
  remote_url: text,
  description: text,
});

const cardSchema = z.object({ url: z.string(), title: text });

const mentionSchema = z.object({ id: z.string().nullish(), acct: z.string(), url: text });

export const statusSchema = z.object({
  id: z.string().min(1),
  /** Stable across edits (snac gives an edited status a new `id`) and global: the message's id here. */
  uri: text,
  url: text,
  created_at: z.string(),
  edited_at: text,
  account: accountSchema,
  content: z.string().nullish().transform((value) => value ?? ''),
  spoiler_text: text,
  visibility: z.string().nullish().transform((value) => value ?? 'public'),
  language: text,
  in_reply_to_id: text,
  in_reply_to_account_id: text,
  mentions: z.array(mentionSchema).nullish().transform((value) => value ?? []),
  media_attachments: z.array(mediaSchema).nullish().transform((value) => value ?? []),
  card: cardSchema.nullish(),
});
export type MastodonStatus = z.output<typeof statusSchema>;

/** Notifications are checked one by one, so one bad payload is quarantined and the rest land. */
export const notificationSchema = z.object({
  id: z.string().min(1),
  type: z.string(),
  status: z.unknown().optional(),
});

export const notificationListSchema = z.array(z.unknown());

export const appSchema = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });
export type MastodonApp = z.output<typeof appSchema>;

export const tokenSchema = z.object({ access_token: z.string().min(1) });

const maxCharacters = z.number().int().positive();

export const instanceV2Schema = z.object({ configuration: z.object({ statuses: z.object({ max_characters: maxCharacters }) }) });

export const instanceV1Schema = z.union([
  z.object({ max_toot_chars: maxCharacters }),
  z.object({ configuration: z.object({ statuses: z.object({ max_characters: maxCharacters }) }) }),
]);
