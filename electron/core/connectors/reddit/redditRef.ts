import { z } from 'zod';
import type { PlatformRef } from '../connector';

/**
 * What a Reddit message keeps for answering and moderating it: its fullname (what `/api/comment`,
 * `/api/remove` and `/api/block` name), its author, its community (removal is for that
 * community's moderators) and the conversation it was filed in.
 */
export const redditRefSchema = z.object({
  name: z.string().regex(/^t[14]_[0-9a-z]+$/u),
  author: z.string().max(64).nullable(),
  subreddit: z.string().max(64).nullable(),
  thread: z.string().max(512),
});
export type RedditRef = z.infer<typeof redditRefSchema>;

export function readRef(ref: PlatformRef): RedditRef | null {
  const parsed = redditRefSchema.safeParse(ref);
  return parsed.success ? parsed.data : null;
}
