import { z } from 'zod';
import type { PlatformRef } from '../connector';

/**
 * What Pieuvre keeps with each Facebook message to answer or moderate it later: its Graph id, the
 * post or conversation it belongs to, its time, the hash of its words (an edit is noticed by
 * comparing it) and, for a DM, the person's Page-scoped id (PSID) the Send API answers; a private
 * reply, the comment it answered.
 */
export const facebookRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('comment'), id: z.string(), post: z.string(), at: z.number(), hash: z.string(), isHidden: z.boolean() }),
  z.object({ kind: z.literal('dm'), id: z.string(), conversation: z.string(), at: z.number(), psid: z.string() }),
  /** The Page's private reply in Messenger to a comment's author (`comment`), kept in the comment's thread. */
  z.object({ kind: z.literal('private_reply'), id: z.string(), comment: z.string(), at: z.number() }),
]);
export type FacebookRef = z.output<typeof facebookRefSchema>;

export function readRef(ref: PlatformRef): FacebookRef | null {
  const parsed = facebookRefSchema.safeParse(ref);
  return parsed.success ? parsed.data : null;
}

/** A short, stable fingerprint of a comment's words (FNV-1a): enough to notice an edit, too small to matter in the ref. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(36);
}
