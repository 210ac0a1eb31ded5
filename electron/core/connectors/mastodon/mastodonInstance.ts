import type { ReplyLimits } from '../connector';
import { OPEN_REPLIES } from '../replyLimits';
import { instanceV1Schema, instanceV2Schema } from './mastodonEntities';
import type { MastodonHttp } from './mastodonHttp';

/** Stock Mastodon's limit, for servers that do not say theirs. */
export const DEFAULT_MAX_CHARACTERS = 500;
/** "Idempotency-Key … stored for up to 1 hour" (https://docs.joinmastodon.org/methods/statuses/#create). */
export const MASTODON_IDEMPOTENCY_MS = 60 * 60_000;

export type InstanceFacts = { maxCharacters: number; honoursIdempotencyKey: boolean };

/**
 * What the server allows: its character limit (`/api/v2/instance`, then v1's
 * `max_toot_chars` or `configuration`, then 500), and whether it is Mastodon itself, the only
 * one known to honour `Idempotency-Key` (snac, GoToSocial and Akkoma accept the header and post
 * twice). Mastodon's v2 instance names its source code; anything else counts as not Mastodon,
 * which only costs a `findSent` before a retry.
 */
export async function readInstance(http: MastodonHttp, signal: AbortSignal): Promise<InstanceFacts> {
  const v2 = await http.send({ path: '/api/v2/instance', signal });
  const v2Limits = v2.status === 200 ? instanceV2Schema.safeParse(v2.body) : null;
  const sourceUrl = v2.status === 200 ? (v2.body as { source_url?: unknown } | null)?.source_url : undefined;
  const honoursIdempotencyKey = typeof sourceUrl === 'string' && /github\.com\/(mastodon\/mastodon|glitch-soc\/mastodon)\b/i.test(sourceUrl);
  if (v2Limits?.success) return { maxCharacters: v2Limits.data.configuration.statuses.max_characters, honoursIdempotencyKey };
  const v1 = await http.send({ path: '/api/v1/instance', signal });
  const v1Limits = v1.status === 200 ? instanceV1Schema.safeParse(v1.body) : null;
  if (!v1Limits?.success) return { maxCharacters: DEFAULT_MAX_CHARACTERS, honoursIdempotencyKey };
  const data = v1Limits.data;
  return { maxCharacters: 'max_toot_chars' in data ? data.max_toot_chars : data.configuration.statuses.max_characters, honoursIdempotencyKey };
}

export function mastodonLimits(maxCharacters: number): ReplyLimits {
  return { ...OPEN_REPLIES, maxLength: maxCharacters, lengthUnit: 'characters', dmMaxLength: null };
}
